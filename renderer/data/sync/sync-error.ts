import type { ErrorCode, RefusedChange } from '@shared/sync/protocol';

/**
 * A sync failure with a specific code the status indicator can explain
 * ("token revoked: sign in again"), never just "sync failed". Apart from the
 * transport so the app can start without loading the protocol schemas.
 */
export type SyncErrorCode = ErrorCode | 'offline' | 'bad_response' | 'bad_server_url';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status: number | null = null,
    /** The change a `change_refused` or `clock_skew` answer names. */
    readonly refused: RefusedChange | null = null,
  ) {
    super(message);
  }

  /** Worth retrying later by itself (as opposed to needing the user). */
  get transient(): boolean {
    return ['offline', 'rate_limited', 'internal', 'bad_response'].includes(this.code) || (this.status !== null && this.status >= 500);
  }
}
