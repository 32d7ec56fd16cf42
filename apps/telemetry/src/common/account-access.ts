import type { AuthenticatedUser } from '@metered/auth';
import { Actor } from '@metered/contracts';
import { InvalidInputError, NotFoundError } from '@metered/service-kit';

/** Staff who act on any account's telemetry: the helpdesk and admins. */
export const ACCOUNT_STAFF_ROLES = ['helpdesk', 'admin'] as const;

export function isAccountStaff(user: Pick<AuthenticatedUser, 'roles'>): boolean {
  return user.roles.some((role) => (ACCOUNT_STAFF_ROLES as readonly string[]).includes(role));
}

/**
 * The account a request is about: a customer's own (an `accountId` naming another account is
 * "not found", like everywhere else), or for the helpdesk the one it names (required).
 */
export function accountOfRequest(
  user: Pick<AuthenticatedUser, 'roles' | 'accountId'>,
  requested: string | undefined,
): string {
  if (isAccountStaff(user)) {
    if (!requested) {
      throw new InvalidInputError([{ field: 'accountId', reason: 'is required for staff' }]);
    }
    return requested;
  }
  if (!user.accountId) throw new NotFoundError('no account');
  if (requested !== undefined && requested !== user.accountId) {
    throw new NotFoundError('account not found');
  }
  return user.accountId;
}

/** The signed-in user as events name them. */
export function actorOf(user: Pick<AuthenticatedUser, 'userId' | 'email' | 'roles'>): Actor {
  return { userId: user.userId, email: user.email, roles: [...user.roles] };
}
