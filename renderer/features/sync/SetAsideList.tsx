import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { db } from '../../data/database';
import { discardSetAside, type SetAsideRow } from '../../data/sync/set-aside';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';

type Entry = { row: SetAsideRow; name: string | null; href: string | null };

const patchOf = (row: SetAsideRow): Record<string, unknown> => {
  const patch = (row.change as { patch?: unknown } | null)?.patch;
  return typeof patch === 'object' && patch !== null ? (patch as Record<string, unknown>) : {};
};

/** A server refusal without its prefix naming the batch position and record, which the row already shows. */
const serverWords = (detail: string): string => detail.replace(/^changes\.\d+ \([^)]*\), field "[^"]*": /, '');

/** The set-aside changes, newest first, each with its record's name and, where one exists here, the page that edits it. */
async function setAsideEntries(): Promise<Entry[]> {
  const rows = (await db.setAside.toArray()).sort((a, b) => b.at.localeCompare(a.at));
  return Promise.all(
    rows.map(async (row): Promise<Entry> => {
      const id = row.recordId ?? '';
      if (row.table === 'accounts') {
        const summary = await db.accountSummaries.get(id);
        return { row, name: summary?.name ?? null, href: summary ? `/accounts/${id}/edit` : null };
      }
      if (row.table === 'cases' || row.table === 'timeline') {
        const caseId = row.table === 'cases' ? id : ((await db.timeline.get(id))?.caseId ?? String(patchOf(row).caseId ?? ''));
        const summary = caseId ? await db.caseSummaries.get(caseId) : undefined;
        return { row, name: summary?.title ?? null, href: summary ? `/cases/${caseId}` : null };
      }
      return { row, name: null, href: null };
    }),
  );
}

/**
 * Sync status' list of changes set aside (data/sync/set-aside.ts): the
 * record, the field, why, and who sent it. An outgoing one can be fixed (its
 * record opens for editing) or discarded, after a confirmation that says
 * what discarding means.
 */
export function SetAsideList({ onNavigate = () => {} }: { onNavigate?: () => void }) {
  const { t } = useTranslation('sync');
  const navigate = useNavigate();
  const entries = useLiveQuery(setAsideEntries, []);
  const [discarding, setDiscarding] = useState<Entry | null>(null);
  const titleId = useId();
  if (!entries || entries.length === 0) return null;

  const tableName = (table: string | null) => t(`setAside.tables.${(table ?? 'other') as 'other'}`, { defaultValue: t('setAside.tables.other') });
  const recordName = ({ row, name }: Entry) => `${tableName(row.table)}: ${name ?? t('panel.unnamed')}`;
  const discard = async () => {
    if (!discarding) return;
    await discardSetAside(db, discarding.row.id);
    setDiscarding(null);
    showToast(t('setAside.discarded'));
  };

  return (
    <section className="sync-set-aside" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('setAside.title')}</h3>
      <p className="muted">{t('setAside.intro')}</p>
      <div className="sync-waiting-scroll">
        <table className="sync-waiting" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('setAside.origin')}</th>
              <th scope="col">{t('setAside.record')}</th>
              <th scope="col">{t('setAside.field')}</th>
              <th scope="col">{t('setAside.reason')}</th>
              <th scope="col">{t('setAside.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const { row } = entry;
              const record = recordName(entry);
              return (
                <tr key={row.id}>
                  <td>{row.direction === 'outgoing' ? t('setAside.fromDevice') : t('setAside.fromTeammate', { author: row.from?.author ?? '' })}</td>
                  <td className="record" title={record}>
                    {record}
                  </td>
                  <td>
                    <code>{row.field}</code>
                  </td>
                  <td className="reason">
                    {t(`setAside.reasons.${row.reason}`)}
                    {row.reason === 'refused' && (
                      // The server's own words, in English whatever the UI language.
                      <span className="muted detail" lang="en">
                        {serverWords(row.detail)}
                      </span>
                    )}
                  </td>
                  <td className="actions">
                    {row.direction === 'outgoing' && entry.href && (
                      <Button
                        size="small"
                        aria-label={t('setAside.fixLabel', { record })}
                        onPress={() => {
                          onNavigate();
                          void navigate(entry.href!);
                        }}
                      >
                        {t('setAside.fix')}
                      </Button>
                    )}
                    <Button size="small" variant="ghost" aria-label={t('setAside.discardLabel', { record })} onPress={() => setDiscarding(entry)}>
                      {t('setAside.discard')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{entries.some((e) => e.row.direction === 'outgoing') ? t('setAside.fixHelp') : t('setAside.pulledHelp')}</p>
      <Dialog title={t('setAside.confirmTitle')} role="alertdialog" isOpen={discarding !== null} onOpenChange={(open) => !open && setDiscarding(null)}>
        {discarding && (
          <>
            <p>{recordName(discarding)}</p>
            <p>{discarding.row.direction === 'outgoing' ? t('setAside.confirmOutgoing') : t('setAside.confirmPulled')}</p>
            <div className="dialog-actions">
              <Button onPress={() => setDiscarding(null)}>{t('setAside.cancel')}</Button>
              <Button variant="danger" onPress={() => void discard()}>
                {t('setAside.confirm')}
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}
