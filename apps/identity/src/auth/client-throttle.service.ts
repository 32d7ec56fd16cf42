import { Inject, Injectable } from '@nestjs/common';
import { TooManyAttemptsError } from '../common/sign-in.errors';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity.config';
import { afterEvent, throttledForSeconds, ThrottlePolicy } from './domain/ip-throttle';
import { RequestThrottlesRepository } from './persistence/request-throttles.repository';

/**
 * What is counted: per client address failed sign-ins, reset-link requests and registration
 * requests; per email address accepted registrations (`registration-email`, keyed by email).
 */
export type ThrottledAction =
  'login-failure' | 'password-forgot' | 'registration' | 'registration-email';

const MESSAGES: Record<ThrottledAction, string> = {
  'login-failure': 'too many failed sign-in attempts from this address: try again later',
  'password-forgot': 'too many password reset requests from this address: try again later',
  registration: 'too many registration requests from this address: try again later',
  'registration-email': 'too many registration requests for this email address: try again later',
};

const HOUR = 3600;

/** Per-client-address limits, and the per-email one of registration (sign-in and reset keep theirs). */
@Injectable()
export class ClientThrottleService {
  constructor(
    private readonly windows: RequestThrottlesRepository,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  private policy(action: ThrottledAction): ThrottlePolicy {
    switch (action) {
      case 'login-failure':
        return {
          max: this.config.loginMaxFailuresPerIp,
          windowSeconds: this.config.loginIpWindowSeconds,
        };
      case 'password-forgot':
        return { max: this.config.passwordResetMaxPerIp, windowSeconds: HOUR };
      case 'registration':
        return { max: this.config.registrationMaxPerIp, windowSeconds: HOUR };
      case 'registration-email':
        return { max: this.config.registrationMaxPerEmail, windowSeconds: HOUR };
    }
  }

  /** Whether the action is counted for this key at all. */
  private counts(action: ThrottledAction, key: string | undefined): key is string {
    if (!key) return false;
    return !(action === 'registration' && this.config.registrationUnlimitedAddresses.includes(key));
  }

  /**
   * 429 (TooManyAttemptsError with Retry-After) while the key — a client address, or for
   * `registration-email` the lower-cased email — is over its limit.
   */
  async assertAllowed(action: ThrottledAction, key: string | undefined): Promise<void> {
    if (!this.counts(action, key)) return;
    const window = await this.windows.get(`${action}:${key}`);
    const wait = throttledForSeconds(window, new Date(), this.policy(action));
    if (wait !== null) throw new TooManyAttemptsError(wait, MESSAGES[action]);
  }

  async record(action: ThrottledAction, key: string | undefined): Promise<void> {
    if (!this.counts(action, key)) return;
    await this.windows.update(`${action}:${key}`, (current) =>
      afterEvent(current, new Date(), this.policy(action)),
    );
  }

  /** Housekeeping: windows untouched for longer than any window lasts. */
  forgetOld(): Promise<number> {
    const longest = Math.max(this.config.loginIpWindowSeconds, HOUR);
    return this.windows.deleteUntouchedSince(new Date(Date.now() - 2 * longest * 1000));
  }
}
