import { Role } from '../config/identifiers';

/** The signed-in user as identity describes it (login answer and GET /api/auth/me). */
export interface SessionUser {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  /** The customer account (customers only). */
  accountId?: string;
  company?: string;
  country: string;
}

/**
 * What the portal keeps about a signed-in user. Kept in sessionStorage, so closing the tab
 * signs out and nothing survives on a shared computer; the refresh token never goes to
 * localStorage.
 */
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

/** POST /api/auth/login and /api/auth/refresh answer this. */
export interface TokenAnswer {
  accessToken: string;
  refreshToken: string;
  tokenType?: string;
  expiresIn?: number;
  user: SessionUser;
}

export function isTokenAnswer(value: unknown): value is TokenAnswer {
  const candidate = value as Partial<TokenAnswer> | null;
  return (
    typeof candidate?.accessToken === 'string' &&
    candidate.accessToken !== '' &&
    typeof candidate.refreshToken === 'string' &&
    isSessionUser(candidate.user)
  );
}

function isSessionUser(value: unknown): value is SessionUser {
  const candidate = value as Partial<SessionUser> | null;
  return (
    typeof candidate?.userId === 'string' &&
    typeof candidate.email === 'string' &&
    Array.isArray(candidate.roles)
  );
}

export function sessionOf(answer: TokenAnswer): Session {
  return { accessToken: answer.accessToken, refreshToken: answer.refreshToken, user: answer.user };
}

export function isSession(value: unknown): value is Session {
  const candidate = value as Partial<Session> | null;
  return (
    typeof candidate?.accessToken === 'string' &&
    typeof candidate.refreshToken === 'string' &&
    isSessionUser(candidate.user)
  );
}

export function hasAnyRole(user: SessionUser, roles: readonly Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

/** Where a user lands after signing in: customers order, validators validate, ops watch the dashboard. */
export function homePathFor(user: SessionUser): string {
  if (user.roles.includes('customer') && user.accountId) return '/order';
  if (hasAnyRole(user, ['validator', 'admin'])) return '/validator';
  if (user.roles.includes('helpdesk')) return '/helpdesk';
  if (user.roles.includes('ops')) return '/ops';
  return '/home';
}

/** The sign-in page that returns to `pathname` (with its query) once the user has signed in. */
export function signInPathFor(pathname: string, search: string): string {
  return `/login?next=${encodeURIComponent(`${pathname}${search}`)}`;
}

/**
 * Where to go after signing in: the page named by `next` when it is a path of this portal
 * that the user may open (`mayOpen`: a signed-in page for one of their roles), else the user's home. Anything else (another origin, "//…",
 * a public page) is ignored, so the parameter cannot send anyone off-site.
 */
export function landingPathFor(
  user: SessionUser,
  next: string | null,
  mayOpen: (pathname: string) => boolean,
): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')) {
    if (mayOpen(next.split(/[?#]/)[0])) return next;
  }
  return homePathFor(user);
}
