import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '@metered/event-platform/envelope';
import { Topics } from '../../topics';

/**
 * Someone signed in: identity started a session and issued its first access token. Every
 * service accepts access tokens naming this session id (`sid` claim) only after it has seen
 * this event (or `SessionRefreshed`), until `accessTokensExpireBy` or a `SessionRevoked`.
 * Carries no secret: the session id alone proves nothing without identity's signature.
 */
export class SessionStartedPayload {
  @IsUUID()
  sessionId: string;

  @IsUUID()
  userId: string;

  @IsISO8601()
  startedAt: string;

  /** The expiry of the access token issued with the session; tokens after it are refused anyway. */
  @IsISO8601()
  accessTokensExpireBy: string;
}

/** `SessionStarted` v1 on `identity.session.v1`, keyed by sessionId. */
export const SessionStartedEvent = defineEvent({
  type: 'SessionStarted',
  version: 1,
  topic: Topics.IdentitySession,
  payloadClass: SessionStartedPayload,
  keyOf: (payload) => payload.sessionId,
});
