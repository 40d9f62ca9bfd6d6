import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportedEmail } from '@shared/cases/email';
import type { CaseSummary } from '@shared/cases/summary';
import type { AccountSummary } from '@shared/domain/account-search';
import { PRIORITIES } from '@shared/domain/case';
import { addCaseEntry, openCase, type NewCaseFields } from '../../data/cases';
import { db } from '../../data/database';
import { useSettings } from '../../data/settings';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';
import { Dialog } from '../../ui/Dialog';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast';
import { useAccountSummaries } from '../../data/use-accounts';
import { emailEntryBody, entryAuthor, entryTime, newCaseFromEmail, openCaseChoices, preferredCase, senderLine, suggestedAction } from './email-import';
import { useEmailImport, type EmailImportState } from './email-import-store';
import { useCaseSummaries } from './use-cases';

const PREVIEW_CHARS = 2000;
const ENTRY_KINDS = ['email', 'customer-information'] as const;
type EntryKind = (typeof ENTRY_KINDS)[number];
type Ready = Extract<EmailImportState, { phase: 'ready' }>;

/**
 * An imported email (.eml): what it is (sender, date, subject, text,
 * attachments), then a new case from it or an entry on an open case's
 * timeline. A file that is not an email says why, in an alert. Mounted once
 * in the app shell; the store opens it.
 */
export function EmailImportDialog() {
  const { t } = useTranslation('email');
  const state = useEmailImport((s) => s.state);
  const close = useEmailImport((s) => s.close);
  if (state.phase === 'closed') return null;
  return (
    <Dialog title={state.phase === 'refused' ? t('refused.title') : t('title')} isOpen onOpenChange={(open) => !open && close()}>
      {state.phase === 'refused' ? (
        <>
          <div role="alert" className="callout danger">
            <p className="callout-title">{t(`error.${state.error.code}`, { defaultValue: state.error.message })}</p>
            <p className="muted mono">{state.fileName}</p>
            <p>{t('refused.help')}</p>
          </div>
          <div className="dialog-actions">
            <Button variant="primary" onPress={close} autoFocus>
              {t('close')}
            </Button>
          </div>
        </>
      ) : (
        <ReadyEmail key={state.id} state={state} />
      )}
    </Dialog>
  );
}

function ReadyEmail({ state }: { state: Ready }) {
  const { t } = useTranslation('email');
  const accounts = useAccountSummaries();
  const cases = useCaseSummaries();
  return (
    <>
      <EmailSummary email={state.email} />
      {accounts && cases ? <ImportForm state={state} accounts={accounts} cases={cases} /> : <p className="muted">{t('loading')}</p>}
    </>
  );
}

function EmailSummary({ email }: { email: ImportedEmail }) {
  const { t, i18n } = useTranslation('email');
  const textId = useId();
  const sent = email.sentAt ? formatDateTime(i18n.language, email.sentAt) : t('unknown');
  const preview = email.text.length > PREVIEW_CHARS ? `${email.text.slice(0, PREVIEW_CHARS)}…` : email.text;
  return (
    <div className="card">
      <dl>
        <dt>{t('from')}</dt>
        <dd>{senderLine(email.from) || t('unknown')}</dd>
        <dt>{t('sent')}</dt>
        <dd>{sent}</dd>
        <dt>{t('subject')}</dt>
        <dd>{email.subject || t('noSubject')}</dd>
        {email.to.length > 0 && (
          <>
            <dt>{t('to')}</dt>
            <dd>{email.to.join(', ')}</dd>
          </>
        )}
        {email.attachments.length > 0 && (
          <>
            <dt>{t('attachments')}</dt>
            <dd>{email.attachments.join(', ')}</dd>
          </>
        )}
      </dl>
      <p className="strong" id={textId}>{t('text')}</p>
      {/* Scrolls on its own, so it takes focus for keyboard users. */}
      <div role="region" aria-labelledby={textId} tabIndex={0} style={{ maxHeight: 160, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {preview || <span className="muted">{t('noText')}</span>}
      </div>
    </div>
  );
}

type Errors = Partial<Record<'accountId' | 'title' | 'escalationReason' | 'caseId', string>>;

function ImportForm({ state, accounts, cases }: { state: Ready; accounts: AccountSummary[]; cases: CaseSummary[] }) {
  const { t } = useTranslation('email');
  const navigate = useNavigate();
  const settings = useSettings();
  const close = useEmailImport((s) => s.close);
  const { email, guessedAccountId } = state;

  const accountChoices = useMemo(
    () => accounts.filter((a) => !a.archivedAt && !a.deletedAt).sort((a, b) => a.name.localeCompare(b.name)).map((a) => ({ id: a.id, label: a.name })),
    [accounts],
  );
  const caseChoices = useMemo(() => openCaseChoices(cases, guessedAccountId), [cases, guessedAccountId]);
  const [initial] = useState(() => {
    const preferred = preferredCase(email, caseChoices, guessedAccountId);
    return { action: suggestedAction(email, preferred), caseId: preferred?.id ?? null };
  });

  const [action, setAction] = useState<'new' | 'add'>(initial.action);
  const [fields, setFields] = useState<NewCaseFields>(() => newCaseFromEmail(email, guessedAccountId));
  const [caseId, setCaseId] = useState<string | null>(initial.caseId);
  const [kind, setKind] = useState<EntryKind>('email');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof NewCaseFields>(key: K, value: NewCaseFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const actionLabel = useId();

  const validate = (): Errors => {
    const found: Errors = {};
    if (action === 'new') {
      if (!fields.accountId) found.accountId = t('accountRequired');
      if (!fields.title.trim()) found.title = t('required');
      if (fields.escalated && !fields.escalationReason.trim()) found.escalationReason = t('required');
    } else if (!caseId) found.caseId = t('caseRequired');
    return found;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || busy) return;
    setBusy(true);
    setFailure('');
    try {
      const tam = settings?.tamName || 'TAM';
      let target: string;
      if (action === 'new') {
        target = (await openCase(db, fields, { author: tam })).id;
      } else {
        target = caseId!;
        await addCaseEntry(db, target, { kind, author: entryAuthor(email, tam), body: emailEntryBody(email), at: entryTime(email, new Date()) });
      }
      close();
      showToast(action === 'new' ? t('opened') : t('added'));
      navigate(`/cases/${target}`);
    } catch (error) {
      setFailure(t('failed', { reason: error instanceof Error ? error.message : String(error) }));
      setBusy(false);
    }
  };

  return (
    <form className="import-confirm" onSubmit={(e) => void submit(e)} noValidate>
      <div role="radiogroup" aria-labelledby={actionLabel} style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--space-4)', alignItems: 'center' }}>
        <span className="strong" id={actionLabel}>{t('action.label')}</span>
        <label className="checkbox">
          <input type="radio" name="email-import-action" checked={action === 'new'} onChange={() => setAction('new')} />
          {t('action.newCase')}
        </label>
        <label className="checkbox">
          <input type="radio" name="email-import-action" checked={action === 'add'} onChange={() => setAction('add')} />
          {t('action.addToCase')}
        </label>
      </div>

      {action === 'new' ? (
        <>
          <div className="grid-2">
            <div className="field">
              <Select label={t('newCase.account')} placeholder={t('newCase.chooseAccount')} options={accountChoices} value={fields.accountId || null} onChange={(v) => set('accountId', v)} error={errors.accountId} />
              <p className="muted description">{guessedAccountId ? t('newCase.guessed') : t('newCase.noGuess')}</p>
            </div>
            <Select
              label={t('newCase.priority')}
              options={PRIORITIES.map((p) => ({ id: p, label: t(`cases:priority.${p}`) }))}
              value={fields.priority}
              onChange={(v) => set('priority', v as NewCaseFields['priority'])}
            />
          </div>
          <TextField label={t('newCase.caseTitle')} value={fields.title} onChange={(v) => set('title', v)} error={errors.title} isRequired />
          <label className="checkbox">
            <input type="checkbox" checked={fields.escalated} onChange={(e) => set('escalated', e.target.checked)} />
            {t('newCase.escalated')}
          </label>
          {fields.escalated && (
            <TextField label={t('newCase.escalationReason')} value={fields.escalationReason} onChange={(v) => set('escalationReason', v)} error={errors.escalationReason} isRequired />
          )}
        </>
      ) : caseChoices.length === 0 ? (
        <p className="muted">{t('addToCase.none')}</p>
      ) : (
        <div className="grid-2">
          <Select
            label={t('addToCase.case')}
            placeholder={t('addToCase.chooseCase')}
            options={caseChoices.map((c) => ({ id: c.id, label: `${c.title} · ${c.accountName}` }))}
            value={caseId}
            onChange={setCaseId}
            error={errors.caseId}
          />
          <Select label={t('addToCase.kind')} options={ENTRY_KINDS.map((k) => ({ id: k, label: t(`kind.${k}`) }))} value={kind} onChange={(v) => setKind(v as EntryKind)} />
        </div>
      )}

      {failure && <p role="alert" className="form-error">{failure}</p>}
      <div className="dialog-actions">
        <Button onPress={close} isDisabled={busy}>{t('cancel')}</Button>
        <Button type="submit" variant="primary" isDisabled={busy || (action === 'add' && caseChoices.length === 0)}>
          {action === 'new' ? t('newCase.submit') : t('addToCase.submit')}
        </Button>
      </div>
    </form>
  );
}
