// Verifying identity's access tokens in every service: see README in this folder.
export { ROLES } from '@metered/contracts';
export type { Role } from '@metered/contracts';
export * from './authenticated-user';
export * from './auth.module';
export * from './decorators/authenticated.decorator';
export * from './decorators/roles.decorator';
export * from './decorators/current-user.decorator';
export * from './auth.settings';
export { InvalidAccessTokenError } from './claims/invalid-access-token.error';
export {
  ACCESS_TOKEN_MAX_LIFETIME_SECONDS,
  toAuthenticatedUser,
} from './claims/access-token-claims';
export { hasAnyRole } from './claims/role-check';
export { RevokedSessionsStore } from './revocation/revoked-sessions.store';
export { IssuedSessions } from './revocation/issued-sessions';
export type { SessionVerdict, IssuedSessionsStats } from './revocation/issued-sessions';
export { REVOKED_SESSIONS_COLLECTION, REVOCATION_GRACE_MS } from './revocation/revoked-session';
export { RevocationFeed } from './revocation/revocation-feed';
