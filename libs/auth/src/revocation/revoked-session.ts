/** A session identity ended early; its access tokens are refused until `expiresAt`. */
export interface RevokedSession {
  /** The session id (`sid` claim). */
  _id: string;
  userId: string;
  reason: string;
  revokedAt: Date;
  /** When the session's last access token expires; the entry is useless after that. */
  expiresAt: Date;
}

export const REVOKED_SESSIONS_COLLECTION = 'revoked_sessions';

/**
 * Entries are kept this long past `expiresAt`, because tokens are accepted a few seconds
 * past `exp` (clock tolerance) and clocks of identity and this service may differ.
 */
export const REVOCATION_GRACE_MS = 5 * 60_000;

/** True while the entry must still refuse tokens. */
export function stillRefuses(entry: Pick<RevokedSession, 'expiresAt'>, now: number): boolean {
  return entry.expiresAt.getTime() + REVOCATION_GRACE_MS > now;
}
