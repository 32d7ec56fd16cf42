import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '@metered/event-platform/envelope';
import { Topics } from '../../topics';

/**
 * A session's refresh token was exchanged and a new access token issued: its tokens are now
 * valid until the later `accessTokensExpireBy`. Because every access token is issued with a
 * `SessionStarted` or `SessionRefreshed`, the events of the last token lifetime are enough
 * for a service to know every session whose tokens can still be valid.
 */
export class SessionRefreshedPayload {
  @IsUUID()
  sessionId: string;

  @IsUUID()
  userId: string;

  @IsISO8601()
  refreshedAt: string;

  /** The expiry of the access token just issued. */
  @IsISO8601()
  accessTokensExpireBy: string;
}

/** `SessionRefreshed` v1 on `identity.session.v1`, keyed by sessionId. */
export const SessionRefreshedEvent = defineEvent({
  type: 'SessionRefreshed',
  version: 1,
  topic: Topics.IdentitySession,
  payloadClass: SessionRefreshedPayload,
  keyOf: (payload) => payload.sessionId,
});
