import type { Account } from '../domain/account';
import { PRIORITIES, type SlaPolicy, type SupportCase, type TimelineEntry } from '../domain/case';
import { openingEntry, transition, type CaseEventType, type CaseLifecycleState, type TimelineEntryDraft } from '../cases/lifecycle';
import { initialSlaPolicy, pinSlaPolicy } from '../cases/sla-clocks';
import { seededRandom } from './random';

/**
 * Demo Support Cases for the demo accounts: a few per account on a third of
 * them, each walked through the lifecycle (shared/cases/lifecycle.ts) from its
 * opening to somewhere before `now`, so its timeline, status and SLA clocks
 * are what the app itself would have recorded. Deterministic for a seed and
 * a `now`; dated relative to `now`, so the clocks mean something today.
 */
const TITLES = [
  ['service-problem', 'Deferrals at Onet (421 4.7.0) since this morning'],
  ['service-problem', 'Gmail bounces 550 5.7.26: DMARC failing for a subdomain'],
  ['service-problem', 'Microsoft S3150 blocks on a dedicated IP'],
  ['service-problem', 'Yahoo TSS04 temporary deferrals after a volume jump'],
  ['service-problem', 'IP listed on Spamhaus SBL'],
  ['configuration-inquiry', 'SPF include for a new sending domain'],
  ['configuration-inquiry', 'Setting up a second IP pool for marketing mail'],
  ['information-inquiry', 'Which warm-up schedule fits 400k messages a day?'],
  ['information-inquiry', 'One-click unsubscribe requirements for Gmail and Yahoo'],
] as const;
const AGENTS = ['Jan Nowak', 'Olga Berg', 'Sam Lee', 'Kasia Wróbel'];
const REASONS = ['Campaign launch this week', 'Revenue at stake: order confirmations delayed', 'Customer asked for the TAM', 'Open for more than a week'];
/** The steps a case may take next, in the order a real case takes them. */
const PATH: CaseEventType[] = ['respond', 'startWork', 'waitOnCustomer', 'customerReplied', 'sendUpdate', 'waitOnProvider', 'providerReplied', 'proposeResolution', 'confirmByCustomer', 'confirmByProvider', 'close'];

export type DemoCases = { policies: SlaPolicy[]; cases: SupportCase[]; entries: TimelineEntry[] };

export function generateDemoCases(accounts: readonly Account[], now: Date, seed = 20261125): DemoCases {
  const r = seededRandom(seed);
  const iso = (ms: number) => new Date(ms).toISOString();
  const meta = (ms: number) => ({ id: r.uuid(ms), createdAt: iso(ms), updatedAt: iso(ms), deletedAt: null, clocks: {} });
  const out: DemoCases = { policies: [], cases: [], entries: [] };
  const active = accounts.filter((a, i) => !a.archivedAt && i % 3 === 0);
  for (const account of active) {
    const created = Date.parse(account.createdAt);
    const policy: SlaPolicy = { ...meta(created), ...initialSlaPolicy(account.id, new Date(0)) };
    out.policies.push(policy);
    const count = r.int(1, 3);
    for (let k = 0; k < count; k++) {
      // Mostly this week's cases; the older a case, the further along it is.
      const ageMinutes = r.chance(0.6) ? r.int(20, 2 * 24 * 60) : r.int(2 * 24 * 60, 30 * 24 * 60);
      const opened = now.getTime() - ageMinutes * 60_000;
      const [problemType, title] = r.pick(TITLES);
      const escalated = r.chance(0.7);
      const base: SupportCase = {
        ...meta(opened), accountId: account.id, title, description: 'Reported by the customer through their support channel.', problemType,
        priority: r.pick(PRIORITIES), channel: r.chance(0.5) ? 'platform-panel' : 'designated-email', agent: r.pick(AGENTS),
        status: 'new', escalated: false, escalationReason: '', openedAt: iso(opened), reopenCount: 0,
        ...pinSlaPolicy({ accountId: account.id, openedAt: iso(opened) }, [policy]),
      };
      const drafts: TimelineEntryDraft[] = [openingEntry(new Date(opened), 'customer', base.description)];
      let state: CaseLifecycleState = { status: 'new', reopenCount: 0, escalated: false, escalationReason: '' };
      let at = opened;
      const apply = (type: CaseEventType, body = '') => {
        const result = transition(state, type === 'rejectResolution' ? { type, by: 'customer', author: base.agent, body } : { type, author: base.agent, body }, new Date(at), drafts);
        if (!result.ok) return false;
        state = result.next;
        drafts.push(...result.entries);
        return true;
      };
      if (escalated) apply('escalate', r.pick(REASONS));
      // Walk the usual path, skipping some steps, stopping at a random point before now.
      const stopAfter = ageMinutes > 7 * 24 * 60 ? PATH.length : r.int(0, PATH.length);
      for (const type of PATH.slice(0, stopAfter)) {
        const next = at + r.int(15, Math.max(30, Math.min(8 * 60, ageMinutes / 12))) * 60_000;
        if (next >= now.getTime()) break;
        if (['waitOnCustomer', 'customerReplied', 'waitOnProvider', 'providerReplied', 'sendUpdate'].includes(type) && r.chance(0.4)) continue;
        at = next;
        apply(type, type === 'close' || type.startsWith('confirm') ? '' : 'See the thread with the customer.');
      }
      out.cases.push({ ...base, ...state, updatedAt: iso(at) });
      out.entries.push(...drafts.map((d) => ({ ...meta(Date.parse(d.at)), ...d, accountId: account.id, caseId: base.id })));
    }
  }
  return out;
}
