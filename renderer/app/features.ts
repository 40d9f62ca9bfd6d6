import { accountsFeature } from '../features/accounts';
import { casesFeature } from '../features/cases';
import { settingsFeature } from '../features/settings';
import { syncFeature } from '../features/sync';
import type { Contributions, FeatureContribution } from '../ui/contribution';

/**
 * Every feature of the app, in sidebar order: the one list to extend when a
 * capability (warm-up plans, remediation requests) arrives.
 */
export const FEATURES: readonly FeatureContribution[] = [accountsFeature, casesFeature, syncFeature, settingsFeature];

/** The features' contributions, merged in the order above. */
export function mergeContributions(features: readonly FeatureContribution[]): Contributions {
  const all = <T>(pick: (feature: FeatureContribution) => readonly T[] | undefined): readonly T[] => features.flatMap((f) => pick(f) ?? []);
  return {
    screens: all((f) => f.screens),
    sidebar: all((f) => f.sidebar),
    commands: all((f) => f.commands),
    accountTabs: all((f) => f.accountTabs),
    settingsSections: all((f) => f.settingsSections),
    topBar: all((f) => f.topBar),
    overlays: all((f) => f.overlays),
    background: all((f) => f.background),
  };
}

export const CONTRIBUTIONS = mergeContributions(FEATURES);

/** Everything that loads on first use, fetched ahead so that it works offline too. */
export const prefetchAll = () =>
  Promise.all([
    ...CONTRIBUTIONS.screens.map((s) => ('load' in s ? s.load() : null)),
    ...CONTRIBUTIONS.accountTabs.map((tab) => tab.load()),
    ...CONTRIBUTIONS.settingsSections.map((section) => section.load()),
    ...CONTRIBUTIONS.background.map((part) => part.load()),
    ...FEATURES.flatMap((f) => f.prefetch?.() ?? []),
  ]);
