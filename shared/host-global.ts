/**
 * The name under which the preload exposes the host API on `window`. Apart
 * from shared/host.ts so the renderer can find its host at start-up without
 * loading the payload schemas.
 */
export const HOST_GLOBAL = 'tamHost';
