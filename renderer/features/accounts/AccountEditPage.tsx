import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { emptyAccountFields } from '@shared/domain/account';
import { createAccount, updateAccount } from '../../data/accounts';
import { db } from '../../data/database';
import { useSettings } from '../../data/settings';
import { showToast } from '../../ui/toast';
import { draftFromFields } from './account-draft';
import { AccountForm } from './AccountForm';
import { useAccount } from '../../data/use-accounts';

/** "New account" and "Edit account": the same form, created or updated on Save. */
export function AccountEditPage() {
  const { id } = useParams();
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const settings = useSettings();
  const account = useAccount(id);
  const initial = useMemo(() => {
    if (id) return account ? draftFromFields(account) : undefined;
    return settings ? draftFromFields(emptyAccountFields(settings.tamTimeZone, settings.tamName)) : undefined;
    // The draft is taken once; later changes to the stored record must not overwrite typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, account === undefined, settings === undefined]);

  if (id && account === undefined) return <p className="muted">{t('loading')}</p>;
  if (id && account === null) return <p role="alert">{t('notFound')}</p>;
  if (!initial) return null;
  return (
    <>
      <div className="page-head">
        <h1>{id ? t('form.editTitle', { name: account?.name }) : t('form.newTitle')}</h1>
      </div>
      <AccountForm
        key={id ?? 'new'}
        initial={initial}
        onCancel={() => navigate(id ? `/accounts/${id}` : '/accounts')}
        onSave={async (fields) => {
          const saved = id ? await updateAccount(db, id, fields) : await createAccount(db, fields);
          showToast(t('form.saved', { name: saved.name }));
          navigate(`/accounts/${saved.id}`);
        }}
      />
    </>
  );
}
