import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { SearchField } from '../../ui/SearchField';
import { Select } from '../../ui/Select';
import { useAccountsUi } from './accounts-store';

const ALL = '__all__';

/** The search box: it alone re-renders on a keystroke, besides the results. */
export function AccountSearchBox() {
  const { t } = useTranslation('accounts');
  const query = useAccountsUi((s) => s.filter.query);
  const setFilter = useAccountsUi((s) => s.setFilter);
  return (
    <SearchField
      label={t('search.label')}
      placeholder={t('search.placeholder')}
      value={query}
      onChange={(q) => setFilter({ query: q })}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') document.querySelector<HTMLElement>('.table-body [data-index="0"] a')?.focus();
      }}
    />
  );
}

/** Owner, tag and archived filters; unaffected by typing in the search box. */
export const AccountFilters = memo(function AccountFilters({ owners, tags }: { owners: string[]; tags: string[] }) {
  const { t } = useTranslation('accounts');
  const { owner, tag, includeArchived, setFilter } = useAccountsUi(
    useShallow((s) => ({ owner: s.filter.owner, tag: s.filter.tags[0], includeArchived: s.filter.includeArchived, setFilter: s.setFilter })),
  );
  return (
    <>
      <Select
        className="filter"
        label={t('filter.owner')}
        value={owner ?? ALL}
        onChange={(v) => setFilter({ owner: v === ALL ? null : v })}
        options={[{ id: ALL, label: t('filter.anyOwner') }, ...owners.map((o) => ({ id: o, label: o }))]}
      />
      <Select
        className="filter"
        label={t('filter.tag')}
        value={tag ?? ALL}
        onChange={(v) => setFilter({ tags: v === ALL ? [] : [v] })}
        options={[{ id: ALL, label: t('filter.anyTag') }, ...tags.map((x) => ({ id: x, label: x }))]}
      />
      <label className="checkbox">
        <input type="checkbox" checked={includeArchived} onChange={(e) => setFilter({ includeArchived: e.target.checked })} />
        {t('filter.showArchived')}
      </label>
    </>
  );
});
