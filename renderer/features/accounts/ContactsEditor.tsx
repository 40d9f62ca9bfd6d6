import { Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { CONTACT_ROLES, type Contact } from '@shared/domain/account';
import { newId } from '@shared/ids';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';

type Props = { contacts: Contact[]; onChange: (contacts: Contact[]) => void; errorFor: (key: string) => string | undefined };

/** The customer's contacts; exactly one can be primary (the first one added is). */
export function ContactsEditor({ contacts, onChange, errorFor }: Props) {
  const { t } = useTranslation('accounts');
  const set = (id: string, patch: Partial<Contact>) => onChange(contacts.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  const makePrimary = (id: string) => onChange(contacts.map((c) => ({ ...c, primary: c.id === id })));
  return (
    <section className="form-section" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t('contacts.title')}</h2>
      {errorFor('contacts') && <p className="form-error" role="alert">{errorFor('contacts')}</p>}
      {contacts.map((c, i) => (
        <div key={c.id} className="card" role="group" aria-label={t('contacts.contact', { n: i + 1 })}>
          <div className="grid-2">
            <TextField label={t('contacts.name')} value={c.name} onChange={(name) => set(c.id, { name })} error={errorFor(`contacts.${i}.name`)} />
            <Select label={t('contacts.role')} value={c.role} onChange={(role) => set(c.id, { role: role as Contact['role'] })} options={CONTACT_ROLES.map((r) => ({ id: r, label: t(`role.${r}`) }))} />
            <TextField label={t('contacts.email')} type="email" value={c.email} onChange={(email) => set(c.id, { email })} error={errorFor(`contacts.${i}.email`)} />
            <TextField label={t('contacts.phone')} type="tel" value={c.phone} onChange={(phone) => set(c.id, { phone })} error={errorFor(`contacts.${i}.phone`)} />
          </div>
          <div className="page-head">
            <label className="checkbox">
              <input type="radio" name="primary-contact" checked={c.primary} onChange={() => makePrimary(c.id)} />
              {t('contacts.primary')}
            </label>
            <span className="spacer" />
            <Button size="small" variant="danger" onPress={() => onChange(contacts.filter((x) => x.id !== c.id))}>
              <Trash2 aria-hidden /> {t('contacts.remove', { n: i + 1 })}
            </Button>
          </div>
        </div>
      ))}
      <div>
        <Button size="small" onPress={() => onChange([...contacts, { id: newId(), name: '', role: 'technical', email: '', phone: '', primary: contacts.length === 0 }])}>
          {t('contacts.add')}
        </Button>
      </div>
    </section>
  );
}
