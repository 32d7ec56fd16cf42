import { IsISO8601 } from 'class-validator';
import { defineEvent } from '@metered/events-core';

import { Topics } from '../../topics';
import { LinkRecipient } from '../shared/registrant';

/**
 * A user's password was changed with a reset link (every session of the user ended). The
 * notifications service tells the person, so that someone who did not ask for it calls the
 * helpdesk. Shares the restricted topic of the links it follows.
 */
export class PasswordChangedPayload extends LinkRecipient {
  @IsISO8601()
  changedAt: string;
}

/** `PasswordChanged` v1 on `identity.access-link.v1`, keyed by userId. */
export const PasswordChangedEvent = defineEvent({
  type: 'PasswordChanged',
  version: 1,
  topic: Topics.IdentityAccessLink,
  payloadClass: PasswordChangedPayload,
  keyOf: (payload) => payload.userId,
});
