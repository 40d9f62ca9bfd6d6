import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { CASE_CHANNELS, PRIORITIES, PROBLEM_TYPES, type SupportCase } from '@shared/domain/case';
import { emptyCaseFields, openCase, type NewCaseFields } from '../../data/cases';
import { db } from '../../data/database';
import { useSettings } from '../../data/settings';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { failureReason } from '../../ui/failure-reason';
import { showToast } from '../../ui/toast';
import { useAccountSummaries } from '../../data/use-accounts';

type Errors = Partial<Record<'accountId' | 'title' | 'escalationReason', string>>;

/** Opening a case: the Support Case as it reached the TAM, on one of their accounts. */
export function NewCasePage() {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const settings = useSettings();
  const accounts = useAccountSummaries();
  const choices = useMemo(
    () => (accounts ?? []).filter((a) => !a.archivedAt && !a.deletedAt).sort((a, b) => a.name.localeCompare(b.name)).map((a) => ({ id: a.id, label: a.name })),
    [accounts],
  );
  const [fields, setFields] = useState<NewCaseFields>(() => emptyCaseFields(params.get('account') ?? ''));
  const [errors, setErrors] = useState<Errors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const set = <K extends keyof NewCaseFields>(key: K, value: NewCaseFields[K]) => setFields((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!fields.accountId) found.accountId = t('form.accountRequired');
    if (!fields.title.trim()) found.title = t('form.required');
    if (fields.escalated && !fields.escalationReason.trim()) found.escalationReason = t('form.required');
    setErrors(found);
    setSaveError(null);
    if (Object.keys(found).length > 0) return;
    let opened: SupportCase;
    try {
      opened = await openCase(db, fields, { author: settings?.tamName || 'TAM' });
    } catch (failure) {
      // The form keeps what was typed; the message says why and what to do.
      setSaveError(failureReason(t, failure));
      return;
    }
    showToast(t('opened'));
    navigate(`/cases/${opened.id}`, { replace: true });
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('form.title')}>
      <div className="page-head"><h1>{t('form.title')}</h1></div>
      <section className="form-section">
        <div className="grid-2">
          <Select label={t('form.account')} placeholder={t('form.chooseAccount')} options={choices} value={fields.accountId || null} onChange={(v) => set('accountId', v)} error={errors.accountId} />
          <TextField label={t('form.caseTitle')} value={fields.title} onChange={(v) => set('title', v)} error={errors.title} isRequired />
        </div>
        <TextField label={t('form.description')} multiline value={fields.description} onChange={(v) => set('description', v)} />
        <div className="grid-2">
          <Select label={t('form.problemType')} options={PROBLEM_TYPES.map((p) => ({ id: p, label: t(`problemType.${p}`) }))} value={fields.problemType} onChange={(v) => set('problemType', v as NewCaseFields['problemType'])} />
          <Select label={t('form.priority')} options={PRIORITIES.map((p) => ({ id: p, label: t(`priority.${p}`) }))} value={fields.priority} onChange={(v) => set('priority', v as NewCaseFields['priority'])} />
          <Select label={t('form.channel')} options={CASE_CHANNELS.map((c) => ({ id: c, label: t(`channel.${c}`) }))} value={fields.channel} onChange={(v) => set('channel', v as NewCaseFields['channel'])} />
          <TextField label={t('form.agent')} description={t('form.agentHelp')} value={fields.agent} onChange={(v) => set('agent', v)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={fields.escalated} onChange={(e) => set('escalated', e.target.checked)} />
          {t('form.escalated')}
        </label>
        {fields.escalated && (
          <TextField label={t('form.escalationReason')} value={fields.escalationReason} onChange={(v) => set('escalationReason', v)} error={errors.escalationReason} isRequired />
        )}
      </section>
      {saveError && <p className="form-error" role="alert">{t('form.saveFailed', { reason: saveError })}</p>}
      <div className="page-head">
        <Button type="submit" variant="primary">{t('form.open')}</Button>
        <Button onPress={() => navigate(-1)}>{t('form.cancel')}</Button>
      </div>
    </form>
  );
}
