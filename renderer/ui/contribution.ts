import type { TFunction } from 'i18next';
import type { LucideIcon } from 'lucide-react';
import { createContext, lazy, useContext, type ComponentType } from 'react';
import type { Settings } from '../data/settings';

/**
 * What a feature adds to the app, exported by its folder's index.ts. The app
 * shell (renderer/app/) is the one place that composes these; a feature never
 * imports another feature, so a new capability is a folder plus one line in
 * renderer/app/features.ts.
 *
 * Labels are i18n keys with their namespace ("cases:title"). Anything outside
 * the first screen is loaded on first use (`load`), and prefetched once the
 * first screen has painted, so it opens at once later, offline too.
 */
export type FeatureContribution = {
  /** Routes under the shell: a page, or the loader of one. */
  screens?: readonly Screen[];
  /** Sidebar entries, in order. */
  sidebar?: readonly SidebarItem[];
  /** Commands for the palette, the shortcuts and the desktop menu. */
  commands?: readonly AppCommand[];
  /** Tabs of the account page, after its overview. */
  accountTabs?: readonly AccountTab[];
  /** Sections of the Settings page, between the TAM's hours and the data. */
  settingsSections?: readonly Lazy[];
  /** Shown in the top bar. */
  topBar?: readonly ComponentType[];
  /** Mounted once in the shell (dialogs, drop targets). */
  overlays?: readonly ComponentType[];
  /** Work that starts a moment after the first screen (e.g. SLA alerts); the shell goes on without it if its code cannot be fetched. */
  background?: readonly Lazy[];
  /** Other code to fetch ahead, so it works offline on first use. */
  prefetch?: () => readonly Promise<unknown>[];
};

/** A component loaded on first use. */
export type Lazy = { id: string; load: () => Promise<ComponentType> };

export type Screen = { path: string } & ({ page: ComponentType } | { load: () => Promise<ComponentType> });

export type SidebarItem = { id: string } & ({ to: string; icon: LucideIcon; label: string; keys?: readonly string[] } | { Component: ComponentType });

/** What a command may read to decide whether, and how, it is offered. */
export type CommandState = { settings: Settings | undefined; accountCount: number | undefined };
export type CommandContext = { navigate: (to: string) => void; t: TFunction };

export type AppCommand = {
  id: string;
  icon: LucideIcon;
  /** i18n keys of the label and of the words it is also found by. */
  label: string;
  keywords: string;
  keys?: readonly string[];
  /** Whether the palette offers it now (default: always). */
  offered?: (state: CommandState) => boolean;
  /** Values for the label's placeholders. */
  labelValues?: (state: CommandState) => Record<string, string>;
  run: (context: CommandContext) => void;
};

export type AccountTab = { id: string; label: string; load: () => Promise<ComponentType<{ accountId: string }>> };

/** The contributions of every feature, merged by the shell. */
export type Contributions = {
  [K in keyof Required<Omit<FeatureContribution, 'prefetch'>>]: NonNullable<FeatureContribution[K]>;
};

export const ContributionsContext = createContext<Contributions | null>(null);

/** The merged contributions, for a feature page that shows what others add (the account page's tabs, Settings' sections). */
export function useContributions(): Contributions {
  const contributions = useContext(ContributionsContext);
  if (!contributions) throw new Error('useContributions needs the app shell');
  return contributions;
}

const lazyComponents = new WeakMap<object, ComponentType<never>>();
/** The React.lazy component of a loader, made once per loader (a new one each render would remount it). */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let component = lazyComponents.get(load) as ComponentType<P> | undefined;
  if (!component) {
    component = lazy(() => load().then((c) => ({ default: c })));
    lazyComponents.set(load, component as ComponentType<never>);
  }
  return component;
}
