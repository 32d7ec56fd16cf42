import { Role } from '@metered/contracts/reference';

/** Who is calling, as proven by identity's access token. */
export interface AuthenticatedUser {
  userId: string;
  /** The sign-in session the token belongs to (`sid` claim); revocation works per session. */
  sessionId: string;
  roles: Role[];
  /** Customers belong to an account; staff users do not. */
  accountId?: string;
  country: string;
  email: string;
}

/** Roles of Metered Supplies employees (everyone but customers). */
export const STAFF_ROLES = [
  'helpdesk',
  'validator',
  'ops',
  'admin',
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];
