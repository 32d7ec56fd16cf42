import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '@metered/auth';
import { Actor, StaffActionRecordedEvent, StaffActionRecordedPayload } from '@metered/contracts';
import type { EventOutbox, OutgoingEvent } from '@metered/event-platform';

/** Who may change account data: the helpdesk, and admins (who may do everything). */
export const STAFF_EDIT_ROLES = ['helpdesk', 'admin'] as const;

/** The signed-in user as events name them. */
export function actorOf(user: Pick<AuthenticatedUser, 'userId' | 'email' | 'roles'>): Actor {
  return { userId: user.userId, email: user.email, roles: [...user.roles] };
}

export type StaffAction = Omit<StaffActionRecordedPayload, 'auditId' | 'service' | 'at'> & {
  at: Date;
};

/**
 * The audit entry of a staff write. It goes into the outbox of the document the action
 * changed, in that same write: no change without its audit entry, no entry without the change.
 */
export function staffActionRecorded(outbox: EventOutbox, action: StaffAction): OutgoingEvent {
  const { at, ...rest } = action;
  return outbox.create(StaffActionRecordedEvent, {
    auditId: randomUUID(),
    service: 'registry',
    ...rest,
    at: at.toISOString(),
  });
}
