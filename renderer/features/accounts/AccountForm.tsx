import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_TIERS } from '@shared/domain/account';
import type { AccountFields } from '@shared/domain/account';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { toFields, withoutBlankRows, type AccountDraft, type DraftErrors } from './account-draft';
import { BusinessHoursEditor } from './BusinessHoursEditor';
import { ContactsEditor } from './ContactsEditor';
import { SendingSetupEditor } from './SendingSetupEditor';
import { failureReason } from '../../ui/failure-reason';
import { validationMessage } from '../../ui/validation-message';
import { TimeZonePicker } from '../../ui/TimeZonePicker';
import { useUnsavedGuard } from './use-unsaved-guard';

type Props = {
  initial: AccountDraft;
  onSave: (fields: AccountFields) => Promise<void>;
  onCancel: () => void;
};

/**
 * The account form. Only a name and a time zone are required; everything
 * else can come later. Invalid input is explained next to its field and the
 * draft stays as typed until it is saved.
 */
export function AccountForm({ initial, onSave, onCancel }: Props) {
  const { t } = useTranslation('accounts');
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const update = (patch: Partial<AccountDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { blocker, allowLeaving, keepGuarding } = useUnsavedGuard(JSON.stringify(draft) !== JSON.stringify(initial));
  const errorFor = (key: string) => (errors[key] ? validationMessage(t, errors[key]) : undefined);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const cleaned = withoutBlankRows(draft);
    setDraft(cleaned);
    const result = toFields(cleaned);
    if (!result.ok) {
      setErrors(result.errors);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.form [aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setSaving(true);
    setSaveError(null);
    try {
      allowLeaving();
      await onSave(result.fields);
    } catch (error) {
      keepGuarding();
      setSaveError(failureReason(t, error));
    } finally {
      setSaving(false);
    }
  };

  // Ctrl/Cmd+S saves, as in any desktop editor.
  const submitRef = { current: submit };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void submitRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const errorCount = Object.keys(errors).length;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('form.label')}>
      {errorCount > 0 && (
        <p className="form-error" role="alert">{t('form.errors', { count: errorCount })}</p>
      )}
      <section className="form-section" aria-labelledby="basics-heading">
        <h2 id="basics-heading">{t('form.basics')}</h2>
        <div className="grid-2">
          <TextField label={t('field.name')} value={draft.name} onChange={(name) => update({ name })} error={errorFor('name')} isRequired autoFocus />
          <TimeZonePicker
            label={t('field.timeZone')}
            value={draft.timeZone}
            onChange={(timeZone) => update({ timeZone })}
            error={errorFor('timeZone')}
            description={t('field.timeZoneHelp')}
          />
          <TextField label={t('field.orgId')} value={draft.orgId} onChange={(orgId) => update({ orgId })} error={errorFor('orgId')} />
          <Select label={t('field.tier')} value={draft.tier} onChange={(tier) => update({ tier: tier as AccountDraft['tier'] })} options={SERVICE_TIERS.map((id) => ({ id, label: t(`tier.${id}`) }))} />
          <TextField label={t('field.owner')} value={draft.ownerTam} onChange={(ownerTam) => update({ ownerTam })} error={errorFor('ownerTam')} />
          <TextField label={t('field.esp')} value={draft.migratingFromEsp} onChange={(migratingFromEsp) => update({ migratingFromEsp })} error={errorFor('migratingFromEsp')} placeholder="SendGrid, Mailgun, Amazon SES…" />
          <TextField label={t('field.volume')} value={draft.dailyVolume} inputMode="numeric" onChange={(dailyVolume) => update({ dailyVolume })} error={errorFor('dailyVolume')} />
          <TextField label={t('field.tags')} value={draft.tags} onChange={(tags) => update({ tags })} description={t('field.tagsHelp')} error={errorFor('tags')} />
        </div>
      </section>
      <BusinessHoursEditor draft={draft} update={update} errorFor={errorFor} />
      <ContactsEditor contacts={draft.contacts} onChange={(contacts) => update({ contacts })} errorFor={errorFor} />
      <SendingSetupEditor draft={draft} update={update} errorFor={errorFor} />
      <section className="form-section" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('field.notes')}</h2>
        <TextField label={t('field.notes')} multiline value={draft.notes} onChange={(notes) => update({ notes })} error={errorFor('notes')} />
      </section>
      {saveError && <p className="form-error" role="alert">{t('form.saveFailed', { reason: saveError })}</p>}
      <Dialog
        title={t('form.unsavedTitle')}
        role="alertdialog"
        isOpen={blocker.state === 'blocked'}
        onOpenChange={(open) => !open && blocker.reset?.()}
      >
        <p>{t('form.unsavedBody')}</p>
        <div className="dialog-actions">
          <Button variant="primary" autoFocus onPress={() => blocker.reset?.()}>{t('form.keepEditing')}</Button>
          <Button variant="danger" onPress={() => blocker.proceed?.()}>{t('form.discard')}</Button>
        </div>
      </Dialog>
      <div className="form-footer">
        {/* Cancel is an explicit "discard", so it does not ask. */}
        <Button onPress={() => { allowLeaving(); onCancel(); }}>{t('common:action.cancel')}</Button>
        <Button type="submit" variant="primary" isDisabled={saving} aria-keyshortcuts="Control+S Meta+S">{t('common:action.save')}</Button>
      </div>
    </form>
  );
}
