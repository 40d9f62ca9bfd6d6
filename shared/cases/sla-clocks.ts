/**
 * The SLA clocks of a Support Case, one module per concern:
 * - sla-policy.ts: the targets, policy versions, which version a case runs under, at-risk;
 * - sla-digest.ts: the rules of the three clocks, digested independent of `now`;
 * - sla-rating.ts: a digest's state at an instant;
 * - case-clocks.ts: the full view of one case's clocks and their explanation.
 * They run on the business-hours engine in shared/sla/, which knows nothing of SLAs.
 */
export * from './sla-policy';
export * from './sla-digest';
export * from './sla-rating';
export * from './case-clocks';
