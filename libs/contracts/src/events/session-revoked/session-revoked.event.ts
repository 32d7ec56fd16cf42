import { IsIn, IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { Topics } from '../../topics';

export const SESSION_REVOCATION_REASONS = [
  'logout',
  'refresh-token-reuse',
  'password-changed',
  'admin',
] as const;

/**
 * A sign-in session ended before its time. Every service refuses access tokens carrying
 * this session id (`sid` claim) until `accessTokensExpireBy`, after which they expire anyway.
 */
export class SessionRevokedPayload {
  @IsUUID()
  sessionId: string;

  @IsUUID()
  userId: string;

  @IsIn(SESSION_REVOCATION_REASONS)
  reason: (typeof SESSION_REVOCATION_REASONS)[number];

  @IsISO8601()
  revokedAt: string;

  /** The latest expiry of any access token issued for the session; forget it after that. */
  @IsISO8601()
  accessTokensExpireBy: string;
}

/** `SessionRevoked` v1 on `identity.session.v1`, keyed by sessionId. */
export const SessionRevokedEvent = defineEvent({
  type: 'SessionRevoked',
  version: 1,
  topic: Topics.IdentitySession,
  payloadClass: SessionRevokedPayload,
  keyOf: (payload) => payload.sessionId,
});
