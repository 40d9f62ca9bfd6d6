import { Plus } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { filterAccounts, sortAccounts } from '@shared/domain/account-search';
import { Button } from '../../ui/Button';
import { useAccountsUi } from './accounts-store';
import { AccountFilters, AccountSearchBox } from './AccountFilters';
import { AccountTable } from './AccountTable';
import { formatNumber } from '../../ui/format';
import { useAccountSummaries } from '../../data/use-accounts';

/** The Accounts screen: search, filters and the virtualised table. */
export function AccountsPage() {
  const { t, i18n } = useTranslation('accounts');
  const navigate = useNavigate();
  const summaries = useAccountSummaries();
  const filter = useAccountsUi((s) => s.filter);
  const sort = useAccountsUi((s) => s.sort);

  const owners = useMemo(() => [...new Set(summaries?.map((a) => a.ownerTam).filter(Boolean))].sort(), [summaries]);
  const tags = useMemo(() => [...new Set(summaries?.flatMap((a) => a.tags))].sort(), [summaries]);
  // Sort when the data or the order changes; a keystroke only filters the sorted list.
  const sorted = useMemo(() => (summaries ? sortAccounts([...summaries], sort.key, sort.direction) : undefined), [summaries, sort]);
  const rows = useMemo(() => (sorted ? filterAccounts(sorted, filter) : []), [sorted, filter]);

  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <span className="muted" aria-live="polite">
          {summaries && t('count', { count: rows.length, shown: formatNumber(i18n.language, rows.length) })}
        </span>
        <span className="spacer" />
        <Button variant="primary" onPress={() => navigate('/accounts/new')} aria-keyshortcuts="N">
          <Plus aria-hidden /> {t('new')}
        </Button>
      </div>
      <div className="page-head" role="search">
        <AccountSearchBox />
        <AccountFilters owners={owners} tags={tags} />
      </div>
      {summaries && summaries.length === 0 ? (
        <div className="empty">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
          <div className="page-head">
            <Button variant="primary" onPress={() => navigate('/accounts/new')}>{t('new')}</Button>
            <Button onPress={() => navigate('/settings')}>{t('empty.demo')}</Button>
          </div>
        </div>
      ) : rows.length === 0 && summaries ? (
        <div className="empty">{t('noMatch')}</div>
      ) : (
        <AccountTable accounts={rows} />
      )}
    </>
  );
}
