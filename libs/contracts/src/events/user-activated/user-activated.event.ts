import {
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { ROLES } from '../../reference/identifiers';
import { Topics } from '../../topics';

/** A user set their first password and can now sign in. */
export class UserActivatedPayload {
  @IsUUID()
  userId: string;

  /** The customer account; absent for staff. */
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @IsEmail()
  @MaxLength(254)
  email: string;

  /** The person's name, for emails that greet them (absent from older producers). */
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name?: string;

  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles: string[];

  @IsISO8601()
  activatedAt: string;
}

/** `UserActivated` v1 on `identity.user.v1`, keyed by userId. */
export const UserActivatedEvent = defineEvent({
  type: 'UserActivated',
  version: 1,
  topic: Topics.IdentityUser,
  payloadClass: UserActivatedPayload,
  keyOf: (payload) => payload.userId,
});
