import {
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import { defineEvent } from '@metered/events-core';

import { Topics } from '../../topics';
import { nested } from '../shared/device-summary';
import { LinkRecipient } from '../shared/registrant';
import { SealedLink } from '../shared/sealed-link';

/** A serial of the registration that the approval did not link, and why. */
export class NotApprovedSerial {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  serial: string;

  /** The registry's check message, or that the validator left it out. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  reason: string;
}

/**
 * A user was created (registration approved, or staff added by an admin) and must choose a
 * password: the notifications service mails the one-time link. The link's token is stored
 * only hashed by identity; this topic is restricted to identity and notifications. What both
 * versions carry besides the link.
 */
export class LoginDetailsIssuedFields extends LinkRecipient {
  /** Company of a customer account; the staff organisation for staff users. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  company: string;

  /** After this the link no longer works. */
  @IsISO8601()
  expiresAt: string;

  /** A registration's first user: the serials the approval linked to the account. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  approvedSerials?: string[];

  /** A registration's first user: the serials it asked for that were not approved. */
  @IsOptional()
  @IsArray()
  @nested(() => NotApprovedSerial)
  notApprovedSerials?: NotApprovedSerial[];
}

/**
 * v1, deprecated: the set-password link in clear. identity no longer publishes it;
 * notifications still mails the ones left on the topic for this release (docs/events.md).
 */
export class LoginDetailsIssuedPayload extends LoginDetailsIssuedFields {
  /** The portal's set-password page with the one-time token. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  setPasswordUrl: string;
}

/**
 * v2: the set-password link sealed for notifications (SealedLink), bound to this event type,
 * the user id and the address.
 */
export class LoginDetailsIssuedV2Payload extends LoginDetailsIssuedFields {
  @nested(() => SealedLink)
  setPasswordLink: SealedLink;
}

/** `LoginDetailsIssued` v1 (deprecated, clear link) on `identity.access-link.v1`, keyed by userId. */
export const LoginDetailsIssuedEvent = defineEvent({
  type: 'LoginDetailsIssued',
  version: 1,
  topic: Topics.IdentityAccessLink,
  payloadClass: LoginDetailsIssuedPayload,
  keyOf: (payload) => payload.userId,
});

/** `LoginDetailsIssued` v2 (sealed link) on `identity.access-link.v1`, keyed by userId. */
export const LoginDetailsIssuedV2Event = defineEvent({
  type: 'LoginDetailsIssued',
  version: 2,
  topic: Topics.IdentityAccessLink,
  payloadClass: LoginDetailsIssuedV2Payload,
  keyOf: (payload) => payload.userId,
});
