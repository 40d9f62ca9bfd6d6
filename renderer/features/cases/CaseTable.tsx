import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatedCase } from '@shared/cases/case-search';
import { formatDue } from '../../ui/format';

const COLUMNS = [
  { id: 'title', width: 'minmax(220px, 2.4fr)' },
  { id: 'account', width: 'minmax(150px, 1.3fr)' },
  { id: 'status', width: 'minmax(130px, 1.1fr)' },
  { id: 'priority', width: '90px' },
  { id: 'sla', width: '124px' },
  { id: 'due', width: 'minmax(160px, 1fr)' },
  { id: 'agent', width: 'minmax(120px, 1fr)' },
] as const;
const GRID = COLUMNS.map((c) => c.width).join(' ');
const ROW_HEIGHT = 36;

/** The cases table, virtualised like the Accounts table; ordered by the nearest due time. */
export const CaseTable = memo(function CaseTable({ cases }: { cases: RatedCase[] }) {
  const { t } = useTranslation('cases');
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cases.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: ROW_HEIGHT,
  });
  return (
    <div className="table" role="table" aria-label={t('table.label')} aria-rowcount={cases.length + 1}>
      <div className="table-scroll" ref={scrollRef}>
        <div role="rowgroup" className="table-head-group">
          <div className="table-row table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: GRID }}>
            {COLUMNS.map((c) => (
              <div key={c.id} role="columnheader">{t(`column.${c.id}`)}</div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="table-body" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const c = cases[item.index]!;
            return (
              <div
                key={c.summary.id}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                className="table-row"
                style={{ gridTemplateColumns: GRID, position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start - ROW_HEIGHT}px)` }}
              >
                <CaseRowCells rated={c} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});

const CaseRowCells = memo(function CaseRowCells({ rated: { summary: c, rating } }: { rated: RatedCase }) {
  const { t, i18n } = useTranslation('cases');
  return (
    <>
      <div role="cell"><a href={`#/cases/${c.id}`}>{c.title}</a></div>
      <div role="cell">{c.accountName}</div>
      <div role="cell">{t(`status.${c.status}`)}</div>
      <div role="cell">{t(`priority.${c.priority}`)}</div>
      <div role="cell"><span className={`badge sla-${rating.state}`}>{t(`sla.${rating.state}`)}</span></div>
      <div role="cell">{rating.nextDueAt ? formatDue(i18n.language, rating.nextDueAt) : <span className="faint">—</span>}</div>
      <div role="cell">{c.agent || <span className="faint">—</span>}</div>
    </>
  );
});
