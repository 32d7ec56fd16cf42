import { IsISO8601, IsUrl } from 'class-validator';
import { defineEvent } from '@metered/events-core';

import { Topics } from '../../topics';
import { LinkRecipient } from '../shared/registrant';
import { nested } from '../shared/device-summary';
import { SealedLink } from '../shared/sealed-link';

/**
 * A registered, active user asked to reset their password. Published only for existing
 * users; the HTTP answer is the same either way. What both versions carry besides the link.
 */
export class PasswordResetRequestedFields extends LinkRecipient {
  @IsISO8601()
  expiresAt: string;
}

/**
 * v1, deprecated: the reset link in clear. identity no longer publishes it; notifications
 * still mails the ones left on the topic for this release (docs/events.md).
 */
export class PasswordResetRequestedPayload extends PasswordResetRequestedFields {
  /** The portal's reset page with the one-time token. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  resetUrl: string;
}

/** v2: the reset link sealed for notifications, bound to this event type, user and address. */
export class PasswordResetRequestedV2Payload extends PasswordResetRequestedFields {
  @nested(() => SealedLink)
  resetLink: SealedLink;
}

/** `PasswordResetRequested` v1 (deprecated, clear link) on `identity.access-link.v1`, keyed by userId. */
export const PasswordResetRequestedEvent = defineEvent({
  type: 'PasswordResetRequested',
  version: 1,
  topic: Topics.IdentityAccessLink,
  payloadClass: PasswordResetRequestedPayload,
  keyOf: (payload) => payload.userId,
});

/** `PasswordResetRequested` v2 (sealed link) on `identity.access-link.v1`, keyed by userId. */
export const PasswordResetRequestedV2Event = defineEvent({
  type: 'PasswordResetRequested',
  version: 2,
  topic: Topics.IdentityAccessLink,
  payloadClass: PasswordResetRequestedV2Payload,
  keyOf: (payload) => payload.userId,
});
