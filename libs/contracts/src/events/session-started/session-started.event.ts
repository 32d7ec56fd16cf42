import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { Topics } from '../../topics';

/**
 * identity issued a new sign-in session (a successful login). Every service's per-replica
 * session feed learns from it that access tokens carrying this `sid` are genuine, so a
 * validly signed token naming a session identity never issued (a leaked signing key, a test
 * fixture) is refused everywhere without a database read per request.
 */
export class SessionStartedPayload {
  @IsUUID()
  sessionId: string;

  @IsUUID()
  userId: string;

  @IsISO8601()
  startedAt: string;
}

/** `SessionStarted` v1 on `identity.session.v1`, keyed by sessionId. */
export const SessionStartedEvent = defineEvent({
  type: 'SessionStarted',
  version: 1,
  topic: Topics.IdentitySession,
  payloadClass: SessionStartedPayload,
  keyOf: (payload) => payload.sessionId,
});
