import { IsISO8601, IsNotEmpty, IsString, IsUrl, MaxLength } from 'class-validator';
import { defineEvent } from '@metered/event-platform/envelope';

import { Topics } from '../../topics';
import { LinkRecipient } from '../shared/registrant';

/**
 * A user was created (registration approved, or staff added by an admin) and must choose a
 * password: the notifications service mails the one-time link. The link's token is stored
 * only hashed by identity; this topic is restricted to identity and notifications.
 */
export class LoginDetailsIssuedPayload extends LinkRecipient {
  /** Company of a customer account; the staff organisation for staff users. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  company: string;

  /** The portal's set-password page with the one-time token. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  setPasswordUrl: string;

  /** After this the link no longer works. */
  @IsISO8601()
  expiresAt: string;
}

/** `LoginDetailsIssued` v1 on `identity.access-link.v1`, keyed by userId. */
export const LoginDetailsIssuedEvent = defineEvent({
  type: 'LoginDetailsIssued',
  version: 1,
  topic: Topics.IdentityAccessLink,
  payloadClass: LoginDetailsIssuedPayload,
  keyOf: (payload) => payload.userId,
});
