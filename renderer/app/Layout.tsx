import { Building2, Command, LifeBuoy, Settings as SettingsIcon, Siren } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { EmailImport } from '../features/cases/EmailImport';
import { ConflictsNavLink } from '../features/sync/ConflictsNavLink';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { Button } from '../ui/Button';
import { Toasts } from '../ui/Toasts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { MOD } from './shortcuts';
import { useAppCommands } from './use-app-commands';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useMenuCommands } from './use-menu-commands';
import { useUi } from './ui-store';

// Loaded the first time it is opened, keeping it out of the start-up bundle.
export const loadCommandPalette = () => import('../features/palette/CommandPalette');
const CommandPalette = lazy(() => loadCommandPalette().then((m) => ({ default: m.CommandPalette })));
// The SLA alerts need the SLA engine: loaded after the first screen, not in the start-up bundle.
// If its code cannot be fetched (offline before it was ever loaded), the shell goes on without alerts until the next start.
const SlaAlerts = lazy(() =>
  import('../features/cases/SlaAlerts').then(
    (m) => ({ default: m.SlaAlerts }),
    () => ({ default: () => null }),
  ),
);

/** The app shell: sidebar, top bar (connection, palette), the page, overlays. */
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
  // The SLA alerts start a moment after the first screen, not during it.
  const [alertsOn, setAlertsOn] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAlertsOn(true), 1500);
    return () => clearTimeout(timer);
  }, []);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <img src="./favicon.svg" alt="" />
          <span>TAM Desk</span>
        </div>
        <NavLink to="/accounts" className="nav-link">
          <Building2 size={16} aria-hidden /> {t('nav.accounts')} <kbd aria-hidden>G A</kbd>
        </NavLink>
        <NavLink to="/escalations" className="nav-link">
          <Siren size={16} aria-hidden /> {t('nav.escalations')}
        </NavLink>
        <NavLink to="/cases" className="nav-link">
          <LifeBuoy size={16} aria-hidden /> {t('nav.cases')} <kbd aria-hidden>G C</kbd>
        </NavLink>
        <ConflictsNavLink />
        <NavLink to="/settings" className="nav-link">
          <SettingsIcon size={16} aria-hidden /> {t('nav.settings')} <kbd aria-hidden>G S</kbd>
        </NavLink>
        <div className="sidebar-foot">{t('app.role')}</div>
      </nav>
      <div className="main">
        <header className="topbar">
          <SyncIndicator />
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
      <EmailImport />
      <Toasts />
      {alertsOn && (
        <Suspense fallback={null}>
          <SlaAlerts />
        </Suspense>
      )}
    </div>
  );
}
