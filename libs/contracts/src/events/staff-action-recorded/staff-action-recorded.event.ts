import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { Topics } from '../../topics';
import { Actor } from '../shared/actor';
import { nested } from '../shared/device-summary';

export const AUDITED_SERVICES = [
  'identity',
  'registry',
  'ordering',
  'notifications',
  'operations',
  'telemetry',
] as const;

/** What an audited action was done to. */
export class AuditSubject {
  /** e.g. `order`, `account`, `device`, `machines-request`, `supply-item-request`, `dead-letter`. */
  @Matches(/^[a-z][a-z-]{1,39}$/)
  type: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id: string;
}

/**
 * A staff member (helpdesk, ops, admin) did something to customer data or to the platform.
 * Written by the service that did it, in the same document write as the change (outbox),
 * and kept by the operations service as the audit trail admins read.
 */
export class StaffActionRecordedPayload {
  @IsUUID()
  auditId: string;

  @IsIn(AUDITED_SERVICES)
  service: (typeof AUDITED_SERVICES)[number];

  @nested(() => Actor)
  actor: Actor;

  /** `<subject>.<verb>`, e.g. `order.placed`, `order.released`, `ship-to.changed`. */
  @Matches(/^[a-z][a-z-]*\.[a-z][a-z-]*$/)
  @MaxLength(80)
  action: string;

  @nested(() => AuditSubject)
  subject: AuditSubject;

  /** The customer account concerned, if any. */
  @IsOptional()
  @IsUUID()
  accountId?: string;

  /** The relevant state before the action (absent for creations). */
  @IsOptional()
  @IsObject()
  before?: Record<string, unknown>;

  /** The relevant state after the action. */
  @IsOptional()
  @IsObject()
  after?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @IsISO8601()
  at: string;
}

/** `StaffActionRecorded` v1 on `platform.audit.v1`, keyed by the subject id. */
export const StaffActionRecordedEvent = defineEvent({
  type: 'StaffActionRecorded',
  version: 1,
  topic: Topics.PlatformAudit,
  payloadClass: StaffActionRecordedPayload,
  keyOf: (payload) => payload.subject.id,
});
