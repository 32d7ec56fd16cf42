import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '@metered/auth';
import { StaffActionRecordedEvent, type StaffActionRecordedPayload } from '@metered/contracts';
import type { EventOutbox, OutgoingEvent } from '@metered/event-platform';
import { actorOf, isAccountStaff } from './account-access';

export type StaffAction = Omit<
  StaffActionRecordedPayload,
  'auditId' | 'service' | 'at' | 'actor'
> & { at: Date };

/**
 * The audit entry of a staff write (helpdesk or admin acting on an account's agents or
 * settings), for the outbox of the document the action changed — none for customers.
 */
export function staffActionEvents(
  outbox: EventOutbox,
  user: AuthenticatedUser,
  action: StaffAction,
): OutgoingEvent[] {
  if (!isAccountStaff(user)) return [];
  const { at, ...rest } = action;
  return [
    outbox.create(StaffActionRecordedEvent, {
      auditId: randomUUID(),
      service: 'telemetry',
      actor: actorOf(user),
      ...rest,
      at: at.toISOString(),
    }),
  ];
}
