import { readFileSync } from 'node:fs';
import { ACCESS_TOKEN_MAX_LIFETIME_SECONDS } from '@metered/auth';
import { AccessLinkKeyring, readAccessLinkKeyring } from '@metered/contracts';
import { EnvSettingsReader, readEnvSettings } from '@metered/service-kit';
/**
 * identity's own settings, read from the environment in one place. Defaults are the
 * product rules (docs/api.md); tests and operators override them with the variables below.
 */
export interface IdentityConfig {
  /** `PORTAL_URL`: base of the links mailed to people (set-password, reset-password). */
  portalUrl: string;
  /** `ACCESS_TOKEN_TTL_SECONDS` (15 minutes). */
  accessTokenTtlSeconds: number;
  /** `REFRESH_TOKEN_TTL_SECONDS` (14 days): a session ends this long after its last refresh. */
  refreshTokenTtlSeconds: number;
  /** `LOGIN_MAX_FAILURES` consecutive failures per email lock it for `LOGIN_LOCK_SECONDS`. */
  loginMaxFailures: number;
  loginLockSeconds: number;
  /**
   * `LOGIN_MAX_FAILURES_PER_IP` failed sign-ins (any emails) from one client address within
   * `LOGIN_IP_WINDOW_SECONDS` (50 per 15 minutes) answer 429 until the window is over.
   */
  loginMaxFailuresPerIp: number;
  loginIpWindowSeconds: number;
  /** `PASSWORD_RESET_MAX_PER_IP`: reset-link requests per client address and hour (20). */
  passwordResetMaxPerIp: number;
  /** `SET_PASSWORD_LINK_TTL_SECONDS` (72 hours) and `RESET_LINK_TTL_SECONDS` (1 hour). */
  setPasswordLinkTtlSeconds: number;
  resetLinkTtlSeconds: number;
  /** `PASSWORD_RESET_MAX_PER_HOUR`: more reset requests for one address are quietly ignored. */
  passwordResetMaxPerHour: number;
  /** `REGISTRATION_MAX_PER_IP`: registration requests per client address and hour (10). */
  registrationMaxPerIp: number;
  /**
   * `REGISTRATION_MAX_PER_EMAIL`: accepted registration requests per email address and hour
   * (3) — each one mails that address, so this caps what anyone can send to a stranger.
   */
  registrationMaxPerEmail: number;
  /**
   * `REGISTRATION_UNLIMITED_ADDRESSES`: client addresses (comma-separated) without the
   * per-address registration limit. Empty by default; the test stack lists 127.0.0.1, from
   * which the suites register hundreds of accounts.
   */
  registrationUnlimitedAddresses: string[];
  /**
   * `JWT_PRIVATE_KEY` (PEM) or `JWT_PRIVATE_KEY_FILE` (a mounted secret, as in compose and k8s):
   * the RSA signing key in production; unset → generated once and stored. The public key is
   * derived from it (JWT_PUBLIC_KEY_FILE, mounted alongside, is for other tools).
   */
  jwtPrivateKey: string | null;
  /**
   * `BOOTSTRAP_ADMIN_EMAIL` / `BOOTSTRAP_ADMIN_PASSWORD` (or `BOOTSTRAP_ADMIN_PASSWORD_FILE`, a
   * mounted secret as in compose): first admin created at start.
   */
  bootstrapAdmin: { email: string; password: string } | null;
  /**
   * `ACCESS_LINK_KEY` (or `ACCESS_LINK_KEY_FILE`): the key identity seals the one-time links
   * of its events with, for notifications only (libs/contracts access-link-cipher). Required
   * in production; the local stack generates one per stack.
   */
  accessLinks: AccessLinkKeyring;
}

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

export function readIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const adminEmail = env.BOOTSTRAP_ADMIN_EMAIL?.trim();
  const adminPassword = env.BOOTSTRAP_ADMIN_PASSWORD || passwordFromFile(env);
  return readEnvSettings(env, (settings) => ({
    portalUrl: (env.PORTAL_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    accessTokenTtlSeconds: accessTokenTtl(settings),
    refreshTokenTtlSeconds: seconds(settings, 'REFRESH_TOKEN_TTL_SECONDS', 14 * 24 * 3600),
    loginMaxFailures: seconds(settings, 'LOGIN_MAX_FAILURES', 5),
    loginLockSeconds: seconds(settings, 'LOGIN_LOCK_SECONDS', 15 * 60),
    loginMaxFailuresPerIp: seconds(settings, 'LOGIN_MAX_FAILURES_PER_IP', 50),
    loginIpWindowSeconds: seconds(settings, 'LOGIN_IP_WINDOW_SECONDS', 15 * 60),
    passwordResetMaxPerIp: seconds(settings, 'PASSWORD_RESET_MAX_PER_IP', 20),
    setPasswordLinkTtlSeconds: seconds(settings, 'SET_PASSWORD_LINK_TTL_SECONDS', 72 * 3600),
    resetLinkTtlSeconds: seconds(settings, 'RESET_LINK_TTL_SECONDS', 3600),
    passwordResetMaxPerHour: seconds(settings, 'PASSWORD_RESET_MAX_PER_HOUR', 3),
    registrationMaxPerIp: seconds(settings, 'REGISTRATION_MAX_PER_IP', 10),
    registrationMaxPerEmail: seconds(settings, 'REGISTRATION_MAX_PER_EMAIL', 3),
    registrationUnlimitedAddresses: (env.REGISTRATION_UNLIMITED_ADDRESSES ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean),
    jwtPrivateKey: privateKeyFrom(env),
    bootstrapAdmin:
      adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : null,
    accessLinks: readAccessLinkKeyring(env, (path) => readFileSync(path, 'utf8')),
  }));
}

/** A positive whole-number setting (counts and lifetimes in seconds). */
function seconds(settings: EnvSettingsReader, name: string, fallback: number): number {
  return settings.number(name, { default: fallback });
}

/** Every service refuses tokens living longer than the shared maximum: fail at start instead. */
function accessTokenTtl(settings: EnvSettingsReader): number {
  return settings.number('ACCESS_TOKEN_TTL_SECONDS', {
    default: 15 * 60,
    max: ACCESS_TOKEN_MAX_LIFETIME_SECONDS,
    maxReason: 'every service refuses longer-lived tokens',
  });
}

function privateKeyFrom(env: NodeJS.ProcessEnv): string | null {
  if (env.JWT_PRIVATE_KEY?.trim()) return env.JWT_PRIVATE_KEY.replace(/\\n/g, '\n');
  if (env.JWT_PRIVATE_KEY_FILE?.trim()) return readFileSync(env.JWT_PRIVATE_KEY_FILE, 'utf8');
  return null;
}

/** The file's content without the line break editors and `echo` add at its end. */
function passwordFromFile(env: NodeJS.ProcessEnv): string | undefined {
  const path = env.BOOTSTRAP_ADMIN_PASSWORD_FILE?.trim();
  return path ? readFileSync(path, 'utf8').replace(/\r?\n$/, '') : undefined;
}
