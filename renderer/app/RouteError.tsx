import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { Button } from '../ui/Button';

/**
 * Shown instead of a screen that failed to load or render. The data is safe
 * in the database, so reloading is the way out; the cause is shown for a
 * bug report.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <main className="page" role="alert">
      <h1>{t('routeError.title')}</h1>
      <p>{navigator.onLine ? t('routeError.body') : t('routeError.offline')}</p>
      <p className="muted mono">{detail}</p>
      <div>
        <Button variant="primary" onPress={() => window.location.reload()}>{t('routeError.reload')}</Button>
      </div>
    </main>
  );
}
