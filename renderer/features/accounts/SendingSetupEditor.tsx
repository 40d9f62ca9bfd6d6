import { Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { newId } from '@shared/ids';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import type { AccountDraft } from './account-draft';

type Props = {
  draft: AccountDraft;
  update: (patch: Partial<AccountDraft>) => void;
  errorFor: (key: string) => string | undefined;
};

/** Sending domains and dedicated IPs in pools (IPv4 and IPv6). */
export function SendingSetupEditor({ draft, update, errorFor }: Props) {
  const { t } = useTranslation('accounts');
  const setPool = (id: string, patch: Partial<AccountDraft['pools'][number]>) =>
    update({ pools: draft.pools.map((p) => (p.id === id ? { ...p, ...patch } : p)) });
  return (
    <section className="form-section" aria-labelledby="sending-heading">
      <h2 id="sending-heading">{t('sending.title')}</h2>
      <h3>{t('sending.domains')}</h3>
      <div className="list-editor" role="group" aria-label={t('sending.domains')}>
        {draft.domains.map((d, i) => (
          <div key={d.id} className="list-row" style={{ gridTemplateColumns: 'minmax(200px, 420px) auto' }}>
            <TextField
              label={t('sending.domain', { n: i + 1 })}
              value={d.domain}
              placeholder="mail.example.com"
              onChange={(domain) => update({ domains: draft.domains.map((x) => (x.id === d.id ? { ...x, domain } : x)) })}
              error={errorFor(`domains.${i}.domain`)}
            />
            <Button variant="ghost" aria-label={t('sending.removeDomain', { n: i + 1 })} onPress={() => update({ domains: draft.domains.filter((x) => x.id !== d.id) })}>
              <Trash2 aria-hidden />
            </Button>
          </div>
        ))}
        <div>
          <Button size="small" onPress={() => update({ domains: [...draft.domains, { id: newId(), domain: '' }] })}>{t('sending.addDomain')}</Button>
        </div>
      </div>

      <h3>{t('sending.pools')}</h3>
      {draft.pools.map((p, pi) => (
        <div key={p.id} className="card" role="group" aria-label={t('sending.pool', { name: p.name || pi + 1 })}>
          <div className="list-row" style={{ gridTemplateColumns: 'minmax(160px, 300px) auto' }}>
            <TextField label={t('sending.poolName')} value={p.name} onChange={(name) => setPool(p.id, { name })} error={errorFor(`pools.${pi}.name`)} />
            <Button size="small" variant="danger" onPress={() => update({ pools: draft.pools.filter((x) => x.id !== p.id) })}>
              <Trash2 aria-hidden /> {t('sending.removePool')}
            </Button>
          </div>
          {p.ips.map((ip, i) => (
            <div key={ip.id} className="list-row" style={{ gridTemplateColumns: 'minmax(200px, 420px) auto' }}>
              <TextField
                label={t('sending.ip', { n: i + 1 })}
                value={ip.address}
                placeholder="192.0.2.10 / 2001:db8::10"
                onChange={(address) => setPool(p.id, { ips: p.ips.map((x) => (x.id === ip.id ? { ...x, address } : x)) })}
                error={errorFor(`pools.${pi}.ips.${i}`)}
              />
              <Button variant="ghost" aria-label={t('sending.removeIp', { n: i + 1 })} onPress={() => setPool(p.id, { ips: p.ips.filter((x) => x.id !== ip.id) })}>
                <Trash2 aria-hidden />
              </Button>
            </div>
          ))}
          <div>
            <Button size="small" onPress={() => setPool(p.id, { ips: [...p.ips, { id: newId(), address: '' }] })}>{t('sending.addIp')}</Button>
          </div>
        </div>
      ))}
      <div>
        <Button
          size="small"
          onPress={() => update({ pools: [...draft.pools, { id: newId(), name: draft.pools.length === 0 ? 'default' : '', ips: [{ id: newId(), address: '' }] }] })}
        >
          {t('sending.addPool')}
        </Button>
      </div>
    </section>
  );
}
