import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { memo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AccountSortKey, AccountSummary } from '@shared/domain/account-search';
import { useAccountsUi } from './accounts-store';
import { formatNumber } from '../../ui/format';

const COLUMNS: { key: AccountSortKey | null; id: string; width: string }[] = [
  { key: 'name', id: 'name', width: 'minmax(190px, 2.2fr)' },
  { key: null, id: 'domain', width: 'minmax(150px, 1.4fr)' },
  { key: null, id: 'contact', width: 'minmax(130px, 1.2fr)' },
  { key: 'ownerTam', id: 'owner', width: 'minmax(110px, 1fr)' },
  { key: 'tier', id: 'tier', width: '90px' },
  { key: 'timeZone', id: 'timeZone', width: 'minmax(120px, 1fr)' },
  { key: 'dailyVolume', id: 'volume', width: 'minmax(120px, 0.8fr)' },
  { key: null, id: 'tags', width: 'minmax(110px, 1.2fr)' },
];
const GRID = COLUMNS.map((c) => c.width).join(' ');
const ROW_HEIGHT = 36;

/**
 * The accounts table. Only the rows in view are in the DOM (virtualised), so
 * it stays smooth with thousands of accounts; ARIA row counts and indexes
 * tell a screen reader where it is in the whole list.
 */
export const AccountTable = memo(function AccountTable({ accounts }: { accounts: AccountSummary[] }) {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const { sort, sortBy } = useAccountsUi();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The header row sits above the rows inside the same scroll area.
    scrollMargin: ROW_HEIGHT,
  });

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    const focusRow = (i: number) => {
      const target = Math.max(0, Math.min(accounts.length - 1, i));
      virtualizer.scrollToIndex(target);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
    };
    if (e.key === 'ArrowDown') { e.preventDefault(); focusRow(index + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); focusRow(index - 1); }
    else if (e.key === 'Home') { e.preventDefault(); focusRow(0); }
    else if (e.key === 'End') { e.preventDefault(); focusRow(accounts.length - 1); }
    // On the name's link, Enter already follows the link.
    else if (e.key === 'Enter' && !(e.target instanceof HTMLAnchorElement)) navigate(`/accounts/${accounts[index]!.id}`);
  };

  return (
    <div className="table" role="table" aria-label={t('table.label')} aria-rowcount={accounts.length + 1}>
      <div className="table-scroll" ref={scrollRef}>
        <div role="rowgroup" className="table-head-group">
          <div className="table-row table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: GRID }}>
            {COLUMNS.map((c) => {
              const sorted = c.key && sort.key === c.key ? sort.direction : undefined;
              return (
                <div key={c.id} role="columnheader" aria-sort={c.key ? (sorted ?? 'none') : undefined}>
                  {c.key ? (
                    <button type="button" onClick={() => sortBy(c.key!)}>
                      {t(`column.${c.id}`)}
                      {sorted === 'ascending' && <ArrowUp size={12} aria-hidden />}
                      {sorted === 'descending' && <ArrowDown size={12} aria-hidden />}
                    </button>
                  ) : (
                    t(`column.${c.id}`)
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="table-body" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const a = accounts[item.index]!;
            return (
              <div
                key={a.id}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                tabIndex={-1}
                className="table-row"
                onKeyDown={(e) => onRowKey(e, item.index)}
                onDoubleClick={() => navigate(`/accounts/${a.id}`)}
                style={{ gridTemplateColumns: GRID, position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start - ROW_HEIGHT}px)` }}
              >
                <AccountRowCells account={a} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});

/**
 * One row's cells. Memoised on the summary object, which stays the same
 * between keystrokes, so a row that only moves is not rendered again.
 */
const AccountRowCells = memo(function AccountRowCells({ account: a }: { account: AccountSummary }) {
  const { t, i18n } = useTranslation('accounts');
  return (
    <>
      <div role="cell">
        {/* A plain link: with hash routes the browser's own navigation is enough, and cheaper than <Link>. */}
        <a href={`#/accounts/${a.id}`}>{a.name}</a>
        {a.archivedAt && <span className="badge archived" style={{ marginLeft: 6 }}>{t('archived')}</span>}
      </div>
      <div role="cell">
        {a.primaryDomain ?? <span className="faint">—</span>}
        {a.domainCount > 1 && <span className="faint"> +{a.domainCount - 1}</span>}
        {a.ipCount > 0 && <span className="faint"> · {t('ipCount', { count: a.ipCount })}</span>}
      </div>
      <div role="cell">{a.primaryContact ?? <span className="faint">—</span>}</div>
      <div role="cell">{a.ownerTam || <span className="faint">—</span>}</div>
      <div role="cell">{t(`tier.${a.tier}`)}</div>
      <div role="cell">{a.timeZone}</div>
      <div role="cell" style={{ textAlign: 'right' }}>{a.dailyVolume === null ? '—' : formatNumber(i18n.language, a.dailyVolume)}</div>
      <div role="cell">{a.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</div>
    </>
  );
});
