import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { i18n } from './i18n';
import { Layout } from './app/Layout';
import { applyStartAppearance, useAppearance } from './app/use-appearance';
import { useSettings } from './data/settings';
import { AccountsPage } from './features/accounts/AccountsPage';

// The Accounts list is in the first bundle; other screens load when first opened.
const AccountPage = lazy(() => import('./features/accounts/AccountPage').then((m) => ({ default: m.AccountPage })));
const AccountEditPage = lazy(() => import('./features/accounts/AccountEditPage').then((m) => ({ default: m.AccountEditPage })));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const later = (page: ReactNode) => <Suspense fallback={null}>{page}</Suspense>;
import './ui/app.css';

// Hash routes: the same URLs work from app:// in Electron, from `vite`, and
// from any static server, with no server-side fallback.
const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/accounts" replace /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'accounts/new', element: later(<AccountEditPage />) },
      { path: 'accounts/:id', element: later(<AccountPage />) },
      { path: 'accounts/:id/edit', element: later(<AccountEditPage />) },
      { path: 'settings', element: later(<SettingsPage />) },
      { path: '*', element: <Navigate to="/accounts" replace /> },
    ],
  },
]);

function App() {
  useAppearance(useSettings());
  return <RouterProvider router={router} />;
}

applyStartAppearance();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
