import { Plus, Search } from 'lucide-react';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { filterAccounts, sortAccounts } from '@shared/domain/account-search';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Select';
import { useAccountsUi } from './accounts-store';
import { AccountTable } from './AccountTable';
import { useAccountIndex } from './use-accounts';
import { formatNumber } from './format';

const ALL = '__all__';

/** The Accounts screen: search, filters and the virtualised table. */
export function AccountsPage() {
  const { t, i18n } = useTranslation('accounts');
  const navigate = useNavigate();
  const data = useAccountIndex();
  const { filter, setFilter, sort } = useAccountsUi();
  const query = useDeferredValue(filter.query);

  const owners = useMemo(() => [...new Set(data?.accounts.map((a) => a.ownerTam).filter(Boolean))].sort(), [data]);
  const tags = useMemo(() => [...new Set(data?.accounts.flatMap((a) => a.tags))].sort(), [data]);
  const rows = useMemo(
    () => (data ? sortAccounts(filterAccounts(data.index, { ...filter, query }), sort.key, sort.direction) : []),
    [data, filter, query, sort],
  );

  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <span className="muted" aria-live="polite">
          {data && t('count', { count: rows.length, shown: formatNumber(i18n.language, rows.length) })}
        </span>
        <span className="spacer" />
        <Button variant="primary" onPress={() => navigate('/accounts/new')} aria-keyshortcuts="N">
          <Plus aria-hidden /> {t('new')}
        </Button>
      </div>
      <div className="page-head" role="search">
        <label className="search-field">
          <Search aria-hidden />
          <span className="sr-only">{t('search.label')}</span>
          <input
            className="input"
            type="search"
            data-search
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            value={filter.query}
            onChange={(e) => setFilter({ query: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setFilter({ query: '' });
              if (e.key === 'ArrowDown') document.querySelector<HTMLElement>('.table-body [data-index="0"] a')?.focus();
            }}
          />
        </label>
        <Select
          className="filter"
          label={t('filter.owner')}
          value={filter.owner ?? ALL}
          onChange={(v) => setFilter({ owner: v === ALL ? null : v })}
          options={[{ id: ALL, label: t('filter.anyOwner') }, ...owners.map((o) => ({ id: o, label: o }))]}
        />
        <Select
          className="filter"
          label={t('filter.tag')}
          value={filter.tags[0] ?? ALL}
          onChange={(v) => setFilter({ tags: v === ALL ? [] : [v] })}
          options={[{ id: ALL, label: t('filter.anyTag') }, ...tags.map((tag) => ({ id: tag, label: tag }))]}
        />
        <label className="checkbox">
          <input type="checkbox" checked={filter.includeArchived} onChange={(e) => setFilter({ includeArchived: e.target.checked })} />
          {t('filter.showArchived')}
        </label>
      </div>
      {data && data.accounts.length === 0 ? (
        <div className="empty">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
          <div className="page-head">
            <Button variant="primary" onPress={() => navigate('/accounts/new')}>{t('new')}</Button>
            <Button onPress={() => navigate('/settings')}>{t('empty.demo')}</Button>
          </div>
        </div>
      ) : rows.length === 0 && data ? (
        <div className="empty">{t('noMatch')}</div>
      ) : (
        <AccountTable accounts={rows} />
      )}
    </>
  );
}
