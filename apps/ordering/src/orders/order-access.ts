import type { AuthenticatedUser } from '@metered/auth';
import { NotFoundError } from '@metered/service-kit';
import type { Order } from './domain/order';
import { ORDER_READERS } from './dto/order-access';

export function isOrderStaff(user: AuthenticatedUser): boolean {
  return user.roles.some((role) => (ORDER_READERS as readonly string[]).includes(role));
}

/**
 * Customers see only their own account's orders; someone else's order answers exactly like
 * a missing one.
 */
export function visibleOrder(order: Order | null, user: AuthenticatedUser, ref: string): Order {
  if (order && (isOrderStaff(user) || order.accountId === user.accountId)) return order;
  throw new NotFoundError(`order ${ref} not found`);
}

/** The account whose data a request may read: the customer's own, or the one staff name. */
export function accountInScope(user: AuthenticatedUser, requested?: string): string | undefined {
  if (isOrderStaff(user)) return requested;
  if (!user.accountId) throw new NotFoundError('no customer account');
  return user.accountId;
}
