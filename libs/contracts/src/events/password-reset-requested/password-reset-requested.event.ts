import { IsISO8601, IsUrl } from 'class-validator';
import { defineEvent } from '@metered/event-platform/envelope';

import { Topics } from '../../topics';
import { LinkRecipient } from '../shared/registrant';

/**
 * A registered, active user asked to reset their password. Published only for existing
 * users; the HTTP answer is the same either way.
 */
export class PasswordResetRequestedPayload extends LinkRecipient {
  /** The portal's reset page with the one-time token. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  resetUrl: string;

  @IsISO8601()
  expiresAt: string;
}

/** `PasswordResetRequested` v1 on `identity.access-link.v1`, keyed by userId. */
export const PasswordResetRequestedEvent = defineEvent({
  type: 'PasswordResetRequested',
  version: 1,
  topic: Topics.IdentityAccessLink,
  payloadClass: PasswordResetRequestedPayload,
  keyOf: (payload) => payload.userId,
});
