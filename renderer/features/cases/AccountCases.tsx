import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { slaSummary } from '@shared/cases/sla-clocks';
import { Button } from '../../ui/Button';
import { useNow } from '../../ui/use-now';
import { formatDue } from '../../ui/format';
import { SlaPolicyCard } from './SlaPolicyCard';
import { useAccountCases } from './use-cases';

/** The account page's Cases tab: its cases, newest first, with their SLA state now. */
export function AccountCases({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation('cases');
  const navigate = useNavigate();
  const cases = useAccountCases(accountId);
  const now = useNow(60_000);
  if (cases === undefined) return null;
  return (
    <div className="stack">
      <section aria-labelledby={`cases-${accountId}`} className="form-section">
        <div className="page-head">
          <h2 id={`cases-${accountId}`}>{t('title')}</h2>
          <span className="spacer" />
          <Button variant="primary" onPress={() => navigate(`/cases/new?account=${accountId}`)}>{t('accountTab.open')}</Button>
        </div>
        {cases.length === 0 ? (
          <p className="muted">{t('accountTab.none')}</p>
        ) : (
          <ul className="timeline" aria-labelledby={`cases-${accountId}`}>
            {cases.filter((c) => !c.deletedAt).map((c) => {
              const rating = slaSummary(c.sla, now);
              return (
                <li key={c.id}>
                  <a href={`#/cases/${c.id}`}>{c.title}</a> <span className="badge status">{t(`status.${c.status}`)}</span>{' '}
                  <span className={`badge sla-${rating.state}`}>{t(`sla.${rating.state}`)}</span>{' '}
                  <span className="when">{t(`priority.${c.priority}`)} · {formatDue(i18n.language, new Date(c.openedAt))}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <SlaPolicyCard accountId={accountId} />
    </div>
  );
}
