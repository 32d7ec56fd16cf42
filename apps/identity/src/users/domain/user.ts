import type { Role } from '@metered/contracts';

export type UserStatus = 'invited' | 'active' | 'disabled';
export type AccessLinkPurpose = 'setup' | 'reset';

/** A one-time link's token, stored only as its SHA-256 hash. */
export interface AccessLink {
  purpose: AccessLinkPurpose;
  tokenHash: string;
  expiresAt: Date;
}

export interface User {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  roles: Role[];
  /** The customer account; absent for staff. */
  accountId: string | null;
  /** The customer's company, or the staff organisation. */
  company: string;
  country: string;
  status: UserStatus;
  /** scrypt hash (see password-hasher); null until the person sets a password. */
  passwordHash: string | null;
  /** The one live set-password or reset link; a new link replaces the previous one. */
  accessLink: AccessLink | null;
  /** When reset links were last requested (recent ones only), for quiet rate limiting. */
  resetRequestedAt: Date[];
  /** The registration that created this customer user. */
  registrationId: string | null;
  createdAt: Date;
  activatedAt: Date | null;
}

export const STAFF_ROLE_NAMES: readonly Role[] = ['helpdesk', 'validator', 'ops', 'admin'];

/** Emails are compared case-insensitively and stored lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Only active users with a password may sign in or ask for a reset link. */
export function canSignIn(user: User): boolean {
  return user.status === 'active' && user.passwordHash !== null;
}

/** The link is usable for this purpose and has not expired. */
export function hasLiveLink(user: User, purpose: AccessLinkPurpose, now: Date): boolean {
  return (
    user.accessLink !== null &&
    user.accessLink.purpose === purpose &&
    user.accessLink.expiresAt.getTime() > now.getTime()
  );
}

/**
 * Which link "forgot password" mails: a reset link to active users; a fresh set-password
 * link to invited users who never set one (their first link may have expired); none else.
 */
export function forgotPasswordLinkFor(user: User): AccessLinkPurpose | null {
  if (canSignIn(user)) return 'reset';
  if (user.status === 'invited' && user.passwordHash === null) return 'setup';
  return null;
}
