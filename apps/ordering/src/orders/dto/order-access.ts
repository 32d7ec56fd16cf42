import { STAFF_ROLES } from '@metered/auth';

/** Staff who may read any account's orders and serials. */
export const ORDER_READERS = ['helpdesk', 'ops', 'admin'] as const;
/** Staff who act for customers: place orders by phone, release and cancel held orders. */
export const ORDER_AGENTS = ['helpdesk', 'admin'] as const;
/** Who tunes the consumption sense check. */
export const ALLOWANCE_EDITORS = ['ops', 'admin'] as const;

export const ANY_ORDER_USER = ['customer', ...STAFF_ROLES] as const;
