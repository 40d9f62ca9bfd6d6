/**
 * Support Cases: the lifecycle (lifecycle.ts), what the timeline says
 * (timeline.ts) and the SLA clocks (sla-clocks.ts). Pure; see each file's
 * header for its rules.
 */
export * from './lifecycle';
export * from './sla-clocks';
export * from './timeline';
