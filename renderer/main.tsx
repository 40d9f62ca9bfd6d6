import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { i18n } from './i18n';
import { Layout, loadCommandPalette } from './app/Layout';
import { RouteError } from './app/RouteError';
import { applyStartAppearance, useAppearance } from './app/use-appearance';
import { useSettings } from './data/settings';
import { AccountsPage } from './features/accounts/AccountsPage';

// The Accounts list is in the first bundle; the other screens are fetched
// once the first screen has painted, so they open at once later, offline too.
const loadAccountPage = () => import('./features/accounts/AccountPage');
const loadAccountEditPage = () => import('./features/accounts/AccountEditPage');
const loadSettingsPage = () => import('./features/settings/SettingsPage');
const loadConflictsPage = () => import('./features/sync/ConflictsPage');
const loadCasesPage = () => import('./features/cases/CasesPage');
const loadNewCasePage = () => import('./features/cases/NewCasePage');
const loadCasePage = () => import('./features/cases/CasePage');
const loadEscalationsPage = () => import('./features/cases/EscalationsPage');
const AccountPage = lazy(() => loadAccountPage().then((m) => ({ default: m.AccountPage })));
const AccountEditPage = lazy(() => loadAccountEditPage().then((m) => ({ default: m.AccountEditPage })));
const SettingsPage = lazy(() => loadSettingsPage().then((m) => ({ default: m.SettingsPage })));
const ConflictsPage = lazy(() => loadConflictsPage().then((m) => ({ default: m.ConflictsPage })));
const CasesPage = lazy(() => loadCasesPage().then((m) => ({ default: m.CasesPage })));
const NewCasePage = lazy(() => loadNewCasePage().then((m) => ({ default: m.NewCasePage })));
const CasePage = lazy(() => loadCasePage().then((m) => ({ default: m.CasePage })));
const EscalationsPage = lazy(() => loadEscalationsPage().then((m) => ({ default: m.EscalationsPage })));
// Parts of the shell that load on first use: fetched with the screens, so they work offline too.
const loadShellExtras = () => [import('./features/cases/SlaAlerts'), import('./features/cases/EmailImportDialog'), import('@shared/cases/email')];
const later = (page: ReactNode) => <Suspense fallback={null}>{page}</Suspense>;
const prefetchScreens = () => Promise.all([loadAccountPage(), loadAccountEditPage(), loadSettingsPage(), loadConflictsPage(), loadCasesPage(), loadNewCasePage(), loadCasePage(), loadEscalationsPage(), loadCommandPalette(), ...loadShellExtras()]);
import './ui/app.css';

// Hash routes: the same URLs work from app:// in Electron, from `vite`, and
// from any static server, with no server-side fallback.
const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/accounts" replace /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'accounts/new', element: later(<AccountEditPage />) },
      { path: 'accounts/:id', element: later(<AccountPage />) },
      { path: 'accounts/:id/edit', element: later(<AccountEditPage />) },
      { path: 'escalations', element: later(<EscalationsPage />) },
      { path: 'cases', element: later(<CasesPage />) },
      { path: 'cases/new', element: later(<NewCasePage />) },
      { path: 'cases/:id', element: later(<CasePage />) },
      { path: 'settings', element: later(<SettingsPage />) },
      { path: 'conflicts', element: later(<ConflictsPage />) },
      { path: '*', element: <Navigate to="/accounts" replace /> },
    ],
  },
]);

function App() {
  useAppearance(useSettings());
  return <RouterProvider router={router} />;
}

applyStartAppearance();
// Ask that this origin's storage be kept under disk pressure: it may hold
// days of offline work not yet synced. A refusal changes nothing else.
void navigator.storage?.persist?.().catch(() => false);
// Half a second in, once the first screen has its data, fetch the others;
// <html data-screens-ready> tells tests (and the curious) when that is done.
const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 0));
setTimeout(() => idle(() => void prefetchScreens().then(() => (document.documentElement.dataset.screensReady = 'true'), () => undefined)), 500);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
