import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { byNearestDue, filterCases, rateCases } from '@shared/cases/case-search';
import { PRIORITIES, PROBLEM_TYPES, CASE_STATUSES } from '@shared/domain/case';
import { Button } from '../../ui/Button';
import { SearchField } from '../../ui/SearchField';
import { Select } from '../../ui/Select';
import { useNow } from '../../ui/use-now';
import { formatNumber } from '../../ui/format';
import { CaseTable } from './CaseTable';
import { useCasesUi } from './cases-store';
import { useEmailImport } from './email-import-store';
import { useCaseSummaries } from './use-cases';

const ALL = '__all__';
const SLA_STATES = ['on-track', 'at-risk', 'breached', 'paused', 'met'] as const;

/** The Cases screen: every case, its SLA rated now, nearest due first; search and filters. */
export function CasesPage() {
  const { t, i18n } = useTranslation('cases');
  const navigate = useNavigate();
  const summaries = useCaseSummaries();
  const now = useNow(60_000);
  const filter = useCasesUi((s) => s.filter);
  // Rate and order when the data or the minute changes; a keystroke only filters.
  const rated = useMemo(() => (summaries ? byNearestDue(rateCases(summaries, now)) : undefined), [summaries, now]);
  const rows = useMemo(() => (rated ? filterCases(rated, filter) : []), [rated, filter]);
  const accounts = useMemo(
    () => [...new Map((summaries ?? []).map((c) => [c.accountId, c.accountName])).entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([id, label]) => ({ id, label })),
    [summaries],
  );

  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <span className="muted" aria-live="polite">
          {rated && t('count', { count: rows.length, shown: formatNumber(i18n.language, rows.length) })}
        </span>
        <span className="spacer" />
        <Button onPress={() => void useEmailImport.getState().choose(t('email:chooseTitle'))}>{t('email:import')}</Button>
        <Button variant="primary" onPress={() => navigate('/cases/new')}>{t('new')}</Button>
      </div>
      <div className="page-head" role="search">
        <CaseSearchBox />
        <CaseFilters accounts={accounts} />
      </div>
      {rated && rated.length === 0 ? (
        <div className="empty">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
        </div>
      ) : rows.length === 0 && rated ? (
        <div className="empty">{t('noMatch')}</div>
      ) : (
        <CaseTable cases={rows} />
      )}
    </>
  );
}

function CaseSearchBox() {
  const { t } = useTranslation('cases');
  const query = useCasesUi((s) => s.filter.query);
  const setFilter = useCasesUi((s) => s.setFilter);
  return <SearchField label={t('search.label')} placeholder={t('search.placeholder')} value={query} onChange={(q) => setFilter({ query: q })} />;
}

function CaseFilters({ accounts }: { accounts: { id: string; label: string }[] }) {
  const { t } = useTranslation('cases');
  const { filter, setFilter } = useCasesUi(useShallow((s) => ({ filter: s.filter, setFilter: s.setFilter })));
  const one = <T extends string>(values: T[]) => values[0] ?? ALL;
  const pick = <T extends string>(v: string): T[] => (v === ALL ? [] : [v as T]);
  return (
    <>
      <Select
        className="filter"
        label={t('filter.account')}
        value={filter.accountId ?? ALL}
        onChange={(v) => setFilter({ accountId: v === ALL ? null : v })}
        options={[{ id: ALL, label: t('filter.anyAccount') }, ...accounts]}
      />
      <Select
        className="filter"
        label={t('filter.status')}
        value={one(filter.statuses)}
        onChange={(v) => setFilter({ statuses: pick(v) })}
        options={[{ id: ALL, label: t('filter.anyStatus') }, ...CASE_STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) }))]}
      />
      <Select
        className="filter"
        label={t('filter.priority')}
        value={one(filter.priorities)}
        onChange={(v) => setFilter({ priorities: pick(v) })}
        options={[{ id: ALL, label: t('filter.anyPriority') }, ...PRIORITIES.map((p) => ({ id: p, label: t(`priority.${p}`) }))]}
      />
      <Select
        className="filter"
        label={t('filter.problemType')}
        value={one(filter.problemTypes)}
        onChange={(v) => setFilter({ problemTypes: pick(v) })}
        options={[{ id: ALL, label: t('filter.anyProblemType') }, ...PROBLEM_TYPES.map((p) => ({ id: p, label: t(`problemType.${p}`) }))]}
      />
      <Select
        className="filter"
        label={t('filter.sla')}
        value={one(filter.slaStates)}
        onChange={(v) => setFilter({ slaStates: pick(v) })}
        options={[{ id: ALL, label: t('filter.anySla') }, ...SLA_STATES.map((s) => ({ id: s, label: t(`sla.${s}`) }))]}
      />
      <label className="checkbox">
        <input type="checkbox" checked={filter.escalatedOnly} onChange={(e) => setFilter({ escalatedOnly: e.target.checked })} />
        {t('filter.escalatedOnly')}
      </label>
    </>
  );
}
