import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictRow } from '../../data/db';
import { db } from '../../data/database';
import { resolveConflict, unresolvedConflicts, writtenAt } from '../../data/sync/conflicts';
import { formatDateTime } from '../../ui/format';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast';
import './sync.css';

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value));

/** The conflicts inbox: each text conflict with both versions, who and when; keep one, the other, or a combination. */
export function ConflictsPage() {
  const { t } = useTranslation('sync');
  const conflicts = useLiveQuery(async () => {
    const rows = await unresolvedConflicts(db);
    const names = await db.accountSummaries.bulkGet(rows.map((r) => r.recordId));
    return rows.map((row, i) => ({ row, name: row.table === 'accounts' ? (names[i]?.name ?? null) : null }));
  }, []);
  return (
    <div className="conflicts-page">
      <div className="page-head">
        <h1>{t('conflicts.title')}</h1>
      </div>
      <p className="muted">{t('conflicts.intro')}</p>
      {conflicts && conflicts.length === 0 && <p className="callout">{t('conflicts.empty')}</p>}
      {conflicts?.map(({ row, name }) => <ConflictCard key={row.key} conflict={row} recordName={name} />)}
    </div>
  );
}

function ConflictCard({ conflict, recordName }: { conflict: ConflictRow; recordName: string | null }) {
  const { t, i18n } = useTranslation('sync');
  const headingId = useId();
  const [merging, setMerging] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = ['notes', 'name'].includes(conflict.field)
    ? t(`conflicts.fields.${conflict.field as 'notes'}`)
    : t('conflicts.fields.other', { field: conflict.field });
  const current = text(conflict.winner.value);
  const other = text(conflict.loser.value);

  const choose = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      await resolveConflict(db, conflict.key, value);
      showToast(t('conflicts.resolved'));
    } catch (e) {
      setError(t('conflicts.failed', { reason: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  };

  const side = (label: string, value: string, side: ConflictRow['winner']) => (
    <div className="conflict-side">
      <h3>{label}</h3>
      <p className="muted">
        {side.author
          ? t('conflicts.by', { who: side.author, when: formatDateTime(i18n.language, writtenAt(side.hlc)) })
          : t('conflicts.byUnknown', { when: formatDateTime(i18n.language, writtenAt(side.hlc)) })}
      </p>
      <div className="conflict-text">{value || t('conflicts.empty_value')}</div>
    </div>
  );

  return (
    <section className="form-section conflict" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('conflicts.heading', { record: recordName ?? t('conflicts.unknownRecord'), field })}</h2>
      <div className="conflict-sides">
        {side(t('conflicts.current'), current, conflict.winner)}
        {side(t('conflicts.other'), other, conflict.loser)}
      </div>
      {merging === null ? (
        <div className="section-actions">
          <Button onPress={() => setMerging(`${current}\n\n${other}`.trim())} isDisabled={busy}>
            {t('conflicts.edit')}
          </Button>
          <Button onPress={() => void choose(other)} isDisabled={busy}>
            {t('conflicts.keepOther')}
          </Button>
          <Button variant="primary" onPress={() => void choose(current)} isDisabled={busy}>
            {t('conflicts.keepCurrent')}
          </Button>
        </div>
      ) : (
        <>
          <TextField label={t('conflicts.merged')} multiline value={merging} onChange={setMerging} autoFocus />
          <div className="section-actions">
            <Button onPress={() => setMerging(null)} isDisabled={busy}>
              {t('conflicts.cancel')}
            </Button>
            <Button variant="primary" onPress={() => void choose(merging)} isDisabled={busy}>
              {t('conflicts.saveMerged')}
            </Button>
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="callout danger">
          {error}
        </p>
      )}
    </section>
  );
}
