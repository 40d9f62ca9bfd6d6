import { useLiveQuery } from 'dexie-react-hooks';
import { LogIn, LogOut } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../data/database';
import { signIn, signOut, useSync } from '../../data/sync/controller';
import { loadServerUrl } from '../../data/sync/sync-config';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast';
import { SetAsideList } from './SetAsideList';
import { errorText } from './sync-text';
import './sync.css';

/**
 * Settings › Team sync: the server's address and the access token. Signing in
 * checks both with the server before anything is kept; the token goes only to
 * the host's secret storage.
 */
export function SyncSection() {
  const { t } = useTranslation('sync');
  const headingId = useId();
  const status = useSync((s) => s.status);
  const activeUrl = useSync((s) => s.serverUrl);
  const storedUrl = useLiveQuery(() => loadServerUrl(db), []);
  const [url, setUrl] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [urlError, setUrlError] = useState<string>();
  const [tokenError, setTokenError] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const signedIn = status.kind !== 'signed-out';
  const urlValue = url ?? storedUrl ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setUrlError(undefined);
    setTokenError(undefined);
    setError(null);
    setBusy(true);
    setNote(t('settings.signingIn'));
    try {
      const result = await signIn(db, urlValue, token);
      if (result.ok) {
        setToken('');
        setUrl(null);
        setNote('');
        showToast(t('settings.signedInToast', { url: urlValue.trim() }));
      } else if ('field' in result) {
        setNote('');
        if (result.field === 'url') setUrlError(t(`settings.urlError.${result.reason as 'required'}`));
        else setTokenError(t(`settings.tokenError.${result.reason as 'required'}`));
      } else {
        setNote('');
        setError(errorText(t, result.error.code, urlValue.trim(), result.error.message));
      }
    } finally {
      setBusy(false);
    }
  };

  const leave = async () => {
    await signOut();
    setNote(t('settings.signedOut'));
  };

  return (
    <section className="form-section settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings.title')}</h2>
      <p className="muted">{t('settings.intro')}</p>
      {signedIn ? (
        <div className="sync-signed-in">
          <p>{t('settings.signedIn', { url: activeUrl ?? '' })}</p>
          <Button onPress={() => void leave()}>
            <LogOut aria-hidden /> {t('settings.signOut')}
          </Button>
        </div>
      ) : (
        <form className="sync-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('settings.serverUrl')}
            description={t('settings.serverUrlHelp')}
            type="url"
            value={urlValue}
            onChange={(v) => {
              setUrl(v);
              setUrlError(undefined);
            }}
            error={urlError}
            autoComplete="url"
            placeholder="https://sync.example.com"
          />
          <TextField
            label={t('settings.token')}
            description={t('settings.tokenHelp')}
            type="password"
            value={token}
            onChange={(v) => {
              setToken(v);
              setTokenError(undefined);
            }}
            error={tokenError}
            autoComplete="off"
          />
          <div className="section-actions" style={{ gridColumn: '1 / -1' }}>
            <Button type="submit" variant="primary" isDisabled={busy}>
              <LogIn aria-hidden /> {t('settings.signIn')}
            </Button>
          </div>
        </form>
      )}
      <p className="sr-only" role="status">
        {busy ? t('settings.signingIn') : note}
      </p>
      {error && (
        <p role="alert" className="callout danger">
          {error}
        </p>
      )}
      <SetAsideList />
    </section>
  );
}
