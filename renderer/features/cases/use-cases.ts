import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Dexie from 'dexie';
import type { CaseLane, CaseSummary } from '@shared/cases/summary';
import { db } from '../../data/database';
import { caseTimeline } from '../../data/cases';
import { CASE_SUMMARIES_REVISION } from '../../data/projections';

/** Changes once whenever case summaries have changed (renderer/data/projections.ts); undefined while loading. */
export const useCaseSummariesRevision = () =>
  useLiveQuery(async () => ((await db.meta.get(CASE_SUMMARIES_REVISION))?.value as number | undefined) ?? 0, []);

/**
 * Case summaries read by `read`, read again whenever they change: once per
 * local write and once after a sync, not once per page or batch a sync
 * writes (a live query of the summaries table would re-read, and copy, every
 * summary after each of a first sync's many transactions). `undefined`
 * while loading; a read overtaken by a newer one is dropped.
 */
function useSummaryRead<T>(read: () => Promise<T>, key: string): T | undefined {
  const revision = useCaseSummariesRevision();
  const [result, setResult] = useState<{ key: string; value: T }>();
  useEffect(() => {
    if (revision === undefined) return;
    let current = true;
    void read().then((value) => current && setResult({ key, value }));
    return () => {
      current = false;
    };
    // `read` is keyed by `key`: a new function each render, the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision, key]);
  return result?.key === key ? result.value : undefined;
}

/** Summaries read in a chunk: so many that their copy onto this thread stays a short task. */
const CHUNK = 500;

/**
 * The summaries of one lane, or all of them, read by id in chunks: each
 * chunk is its own short task on the window's thread, however many cases
 * the team has (one read of 18,000 summaries would hold the window up).
 */
async function readSummaries(lane: CaseLane | null): Promise<CaseSummary[]> {
  const out: CaseSummary[] = [];
  for (let after = ''; ; ) {
    const chunk = await (lane
      ? db.caseSummaries.where('[lane+id]').between([lane, after], [lane, Dexie.maxKey], false, true)
      : db.caseSummaries.where(':id').above(after)
    )
      .limit(CHUNK)
      .toArray();
    out.push(...chunk);
    if (chunk.length < CHUNK) return out;
    after = chunk.at(-1)!.id;
  }
}

/** Every case's summary (the Cases list). */
export const useCaseSummaries = () => useSummaryRead(() => readSummaries(null), 'all');

/** The summaries of escalated cases, open or not (the Escalations dashboard), through the lane index. */
export const useEscalatedCases = () =>
  useSummaryRead(async () => (await Promise.all([readSummaries('escalated'), readSummaries('escalated-closed')])).flat(), 'escalated');

/** The open escalated cases that the SLA alerts watch, through the lane index. */
export const watchedCases = (): Promise<CaseSummary[]> => readSummaries('escalated');

/** The case, `null` when there is none with this id, `undefined` while loading. */
export const useCase = (id: string | undefined) => useLiveQuery(async () => (id ? ((await db.cases.get(id)) ?? null) : null), [id]);

export const useCaseTimeline = (id: string | undefined) => useLiveQuery(async () => (id ? caseTimeline(db, id) : []), [id]);

/** The summaries of one account's cases, newest first. */
export const useAccountCases = (accountId: string | undefined) =>
  useSummaryRead(
    async () => (accountId ? (await db.caseSummaries.where('accountId').equals(accountId).toArray()).sort((a, b) => b.openedAt.localeCompare(a.openedAt)) : []),
    `account:${accountId ?? ''}`,
  );
