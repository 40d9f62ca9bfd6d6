import { Suspense, type ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { useSettings } from '../data/settings';
import { i18n } from '../i18n';
import { ContributionsContext, lazyComponent, type Screen } from '../ui/contribution';
import { CONTRIBUTIONS } from './features';
import { Layout } from './Layout';
import { RouteError } from './RouteError';
import { useAppearance } from './use-appearance';

// The first screen's page is in the first bundle; the others load on first use.
const element = (screen: Screen) => {
  if ('page' in screen) return <screen.page />;
  const Page: ComponentType = lazyComponent(screen.load);
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  );
};

// Hash routes: the same URLs work from app:// in Electron, from `vite`, and
// from any static server, with no server-side fallback.
const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/accounts" replace /> },
      ...CONTRIBUTIONS.screens.map((screen) => ({ path: screen.path, element: element(screen) })),
      { path: '*', element: <Navigate to="/accounts" replace /> },
    ],
  },
]);

function Routes() {
  useAppearance(useSettings());
  return <RouterProvider router={router} />;
}

/** The app: the features' screens under the shell, with what they contribute to each other's pages. */
export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <ContributionsContext.Provider value={CONTRIBUTIONS}>
        <Routes />
      </ContributionsContext.Provider>
    </I18nextProvider>
  );
}
