import { Command } from 'lucide-react';
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Button } from '../ui/Button';
import { Toasts } from '../ui/Toasts';
import { CONTRIBUTIONS } from './features';
import { ShortcutsDialog } from './ShortcutsDialog';
import { MOD } from './shortcuts';
import { useAppCommands } from './use-app-commands';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useMenuCommands } from './use-menu-commands';
import { useUi } from './ui-store';

// Loaded the first time it is opened, keeping it out of the start-up bundle.
export const loadCommandPalette = () => import('./palette/CommandPalette');
const CommandPalette = lazy(() => loadCommandPalette().then((m) => ({ default: m.CommandPalette })));
// Background parts start a moment after the first screen. If one's code cannot
// be fetched (offline before it was ever loaded), the shell goes on without it until the next start.
const Nothing: ComponentType = () => null;
const BACKGROUND = CONTRIBUTIONS.background.map((part) => ({
  id: part.id,
  Component: lazy(() => part.load().then((c) => ({ default: c }), () => ({ default: Nothing }))),
}));

/** The app shell: sidebar, top bar, the page, overlays; what is in them comes from the features (./features.ts). */
export function Layout() {
  const { t } = useTranslation();
  const { setPaletteOpen, setHelpOpen, paletteOpen } = useUi();
  const [paletteUsed, setPaletteUsed] = useState(false);
  if (paletteOpen && !paletteUsed) setPaletteUsed(true);

  const run = useAppCommands();
  useGlobalShortcuts((id) => {
    if (id === 'help') run('shortcuts');
    else if (id === 'search') document.querySelector<HTMLInputElement>('[data-search]')?.focus();
    else if (id === 'editAccount') document.querySelector<HTMLElement>('[data-shortcut="edit"]')?.click();
    else if (id !== 'save') run(id);
  });
  useMenuCommands(run);
  const [backgroundOn, setBackgroundOn] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setBackgroundOn(true), 1500);
    return () => clearTimeout(timer);
  }, []);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <img src="./favicon.svg" alt="" />
          <span>TAM Desk</span>
        </div>
        {CONTRIBUTIONS.sidebar.map((item) =>
          'Component' in item ? (
            <item.Component key={item.id} />
          ) : (
            <NavLink key={item.id} to={item.to} className="nav-link">
              <item.icon size={16} aria-hidden /> {t(item.label)} {item.keys && <kbd aria-hidden>{item.keys.join(' ')}</kbd>}
            </NavLink>
          ),
        )}
        <div className="sidebar-foot">{t('app.role')}</div>
      </nav>
      <div className="main">
        <header className="topbar">
          {CONTRIBUTIONS.topBar.map((Part, i) => (
            <Part key={i} />
          ))}
          <span className="spacer" />
          <Button variant="ghost" size="small" onPress={() => setPaletteOpen(true)} aria-keyshortcuts="Control+K Meta+K">
            <Command aria-hidden /> {t('palette.open')} <kbd aria-hidden>{MOD} K</kbd>
          </Button>
          <Button variant="ghost" size="small" onPress={() => setHelpOpen(true)} aria-keyshortcuts="?">
            {t('help.open')} <kbd aria-hidden>?</kbd>
          </Button>
        </header>
        <main className="page" id="main">
          <Outlet />
        </main>
      </div>
      {paletteUsed && (
        <Suspense fallback={null}>
          <CommandPalette />
        </Suspense>
      )}
      <ShortcutsDialog />
      {CONTRIBUTIONS.overlays.map((Overlay, i) => (
        <Overlay key={i} />
      ))}
      <Toasts />
      {backgroundOn &&
        BACKGROUND.map(({ id, Component }) => (
          <Suspense key={id} fallback={null}>
            <Component />
          </Suspense>
        ))}
    </div>
  );
}
