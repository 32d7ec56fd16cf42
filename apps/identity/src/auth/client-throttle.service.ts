import { Inject, Injectable } from '@nestjs/common';
import { TooManyAttemptsError } from '../common/sign-in.errors';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity.config';
import { afterEvent, throttledForSeconds, ThrottlePolicy } from './domain/ip-throttle';
import { RequestThrottlesRepository } from './persistence/request-throttles.repository';

/** What is counted per client address: failed sign-ins, and reset-link requests. */
export type ThrottledAction = 'login-failure' | 'password-forgot';

const MESSAGES: Record<ThrottledAction, string> = {
  'login-failure': 'too many failed sign-in attempts from this address: try again later',
  'password-forgot': 'too many password reset requests from this address: try again later',
};

/** Per-client-address limits (the per-email ones live with each feature). */
@Injectable()
export class ClientThrottleService {
  constructor(
    private readonly windows: RequestThrottlesRepository,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  private policy(action: ThrottledAction): ThrottlePolicy {
    return action === 'login-failure'
      ? { max: this.config.loginMaxFailuresPerIp, windowSeconds: this.config.loginIpWindowSeconds }
      : { max: this.config.passwordResetMaxPerIp, windowSeconds: 3600 };
  }

  /** 429 (TooManyAttemptsError with Retry-After) while the address is over its limit. */
  async assertAllowed(action: ThrottledAction, clientIp: string | undefined): Promise<void> {
    if (!clientIp) return;
    const window = await this.windows.get(`${action}:${clientIp}`);
    const wait = throttledForSeconds(window, new Date(), this.policy(action));
    if (wait !== null) throw new TooManyAttemptsError(wait, MESSAGES[action]);
  }

  async record(action: ThrottledAction, clientIp: string | undefined): Promise<void> {
    if (!clientIp) return;
    await this.windows.update(`${action}:${clientIp}`, (current) =>
      afterEvent(current, new Date(), this.policy(action)),
    );
  }

  /** Housekeeping: windows untouched for longer than any window lasts. */
  forgetOld(): Promise<number> {
    const longest = Math.max(this.config.loginIpWindowSeconds, 3600);
    return this.windows.deleteUntouchedSince(new Date(Date.now() - 2 * longest * 1000));
  }
}
