import { Archive, ArchiveRestore, Pencil } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Suspense } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { ipVersion } from '@shared/domain/network';
import { archiveAccount, restoreAccount } from '../../data/accounts';
import { db } from '../../data/database';
import { useSettings } from '../../data/settings';
import { Button } from '../../ui/Button';
import { lazyComponent, useContributions } from '../../ui/contribution';
import { showToast } from '../../ui/toast';
import { BusinessHoursCard } from './BusinessHoursCard';
import { formatDateTime, formatNumber } from '../../ui/format';
import { useAccount } from '../../data/use-accounts';

/** The account at a glance: who, when they are reachable, how they send. */
export function AccountPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('accounts');
  const navigate = useNavigate();
  const account = useAccount(id);
  const settings = useSettings();
  // Other features' tabs (cases now; warm-up plans and remediation requests later).
  const { accountTabs } = useContributions();
  if (account === undefined || !settings) return <p className="muted">{t('loading')}</p>;
  if (account === null) {
    return (
      <div className="empty" role="alert">
        {t('notFound')} <Link to="/accounts">{t('backToList')}</Link>
      </div>
    );
  }
  const lang = i18n.language;
  const archived = Boolean(account.archivedAt);

  return (
    <>
      <nav aria-label={t('breadcrumb')} className="muted"><Link to="/accounts">{t('title')}</Link> / {account.name}</nav>
      <div className="page-head">
        <h1>{account.name}</h1>
        <span className="tag">{t(`tier.${account.tier}`)}</span>
        {archived && <span className="badge archived">{t('archived')}</span>}
        <span className="spacer" />
        <Button data-shortcut="edit" onPress={() => navigate(`/accounts/${account.id}/edit`)} aria-keyshortcuts="E">
          <Pencil aria-hidden /> {t('common:action.edit')}
        </Button>
        {archived ? (
          <Button onPress={async () => { await restoreAccount(db, account.id); showToast(t('restored', { name: account.name })); }}>
            <ArchiveRestore aria-hidden /> {t('common:action.restore')}
          </Button>
        ) : (
          <Button onPress={async () => { await archiveAccount(db, account.id); showToast(t('archivedToast', { name: account.name })); }}>
            <Archive aria-hidden /> {t('common:action.archive')}
          </Button>
        )}
      </div>
      {archived && <p className="muted" style={{ margin: 0 }}>{t('archivedNote', { when: formatDateTime(lang, account.archivedAt!) })}</p>}
      <Tabs>
        <TabList aria-label={t('tabs.label')}>
          <Tab id="overview">{t('tabs.overview')}</Tab>
          {accountTabs.map((tab) => (
            <Tab key={tab.id} id={tab.id}>{t(tab.label)}</Tab>
          ))}
        </TabList>
        <TabPanel id="overview">
          <div className="cards">
            <section className="card" aria-labelledby="glance">
              <h2 id="glance">{t('glance')}</h2>
              <dl>
                <dt>{t('field.orgId')}</dt><dd>{account.orgId || '—'}</dd>
                <dt>{t('field.owner')}</dt><dd>{account.ownerTam || '—'}</dd>
                <dt>{t('field.timeZone')}</dt><dd>{account.timeZone}</dd>
                <dt>{t('field.volume')}</dt><dd>{account.dailyVolume === null ? '—' : formatNumber(lang, account.dailyVolume)}</dd>
                <dt>{t('field.esp')}</dt><dd>{account.migratingFromEsp || '—'}</dd>
                <dt>{t('field.tags')}</dt><dd>{account.tags.length ? account.tags.map((tag) => <span key={tag} className="tag">{tag}</span>) : '—'}</dd>
                <dt>{t('updated')}</dt><dd>{formatDateTime(lang, account.updatedAt)}</dd>
              </dl>
            </section>
            <BusinessHoursCard account={account} settings={settings} />
            <section className="card" aria-labelledby="contacts-card">
              <h2 id="contacts-card">{t('contacts.title')}</h2>
              {account.contacts.length === 0 && <p className="muted">{t('contacts.none')}</p>}
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {account.contacts.map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong> · {t(`role.${c.role}`)} {c.primary && <span className="tag">{t('contacts.primary')}</span>}
                    <br />
                    {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>} {c.phone && <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>}
                  </li>
                ))}
              </ul>
            </section>
            <section className="card" aria-labelledby="sending-card">
              <h2 id="sending-card">{t('sending.title')}</h2>
              <h3>{t('sending.domains')}</h3>
              {account.sendingDomains.length === 0 ? <p className="muted">—</p> : (
                <ul style={{ margin: 0, paddingLeft: 18 }}>{account.sendingDomains.map((d) => <li key={d.id} className="mono">{d.domain}</li>)}</ul>
              )}
              <h3>{t('sending.pools')}</h3>
              {account.ipPools.length === 0 ? <p className="muted">{t('sending.noPools')}</p> : account.ipPools.map((p) => (
                <div key={p.id}>
                  <strong>{p.name}</strong>
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {p.ips.map((ip) => <li key={ip}><span className="mono">{ip}</span> <span className="faint">IPv{ipVersion(ip)}</span></li>)}
                  </ul>
                </div>
              ))}
            </section>
            {account.notes && (
              <section className="card" aria-labelledby="notes-card">
                <h2 id="notes-card">{t('field.notes')}</h2>
                <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{account.notes}</p>
              </section>
            )}
          </div>
        </TabPanel>
        {accountTabs.map((tab) => {
          const Panel = lazyComponent(tab.load);
          return (
            <TabPanel key={tab.id} id={tab.id}>
              <Suspense fallback={<p className="muted">{t('loading')}</p>}>
                <Panel accountId={account.id} />
              </Suspense>
            </TabPanel>
          );
        })}
      </Tabs>
    </>
  );
}
