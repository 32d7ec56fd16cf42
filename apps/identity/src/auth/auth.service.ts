import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AuthenticationFailedError, TooManyAttemptsError } from '../common/sign-in.errors';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity.config';
import { IssuedTokens, SessionsService } from '../sessions/sessions.service';
import { decoyPasswordHash, verifyPassword } from '../users/domain/password-hasher';
import { canSignIn, normaliseEmail, User } from '../users/domain/user';
import { UsersRepository } from '../users/persistence/users.repository';
import { ClientThrottleService } from './client-throttle.service';
import { afterFailure, LockoutPolicy, lockedForSeconds } from './domain/login-lockout';
import { LoginAttemptsRepository } from './persistence/login-attempts.repository';

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

/** Password sign-in with lockout; sessions and tokens come from SessionsService. */
@Injectable()
export class AuthService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuthService.name);
  private housekeeping: NodeJS.Timeout | null = null;

  constructor(
    private readonly users: UsersRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly sessions: SessionsService,
    private readonly clients: ClientThrottleService,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  private get policy(): LockoutPolicy {
    return { maxFailures: this.config.loginMaxFailures, lockSeconds: this.config.loginLockSeconds };
  }

  /**
   * One answer for every failure (unknown email, wrong password, no password yet, disabled),
   * and about the same time for each: an unknown email still costs one password hash.
   * Failures count per email and per client address (many emails from one address).
   */
  async login(
    emailInput: string,
    password: string,
    clientIp?: string,
  ): Promise<IssuedTokens & { user: User }> {
    const email = normaliseEmail(emailInput);
    await this.clients.assertAllowed('login-failure', clientIp);
    const lockedFor = lockedForSeconds(await this.attempts.get(email), new Date());
    if (lockedFor !== null) throw new TooManyAttemptsError(lockedFor);

    const user = await this.users.findByEmail(email);
    const signInAllowed = user !== null && canSignIn(user);
    const hash = signInAllowed && user.passwordHash ? user.passwordHash : await decoyPasswordHash();
    const passwordMatches = await verifyPassword(password, hash);
    if (!signInAllowed || !passwordMatches) {
      await this.attempts.update(email, (current) =>
        afterFailure(current, new Date(), this.policy),
      );
      await this.clients.record('login-failure', clientIp);
      throw new AuthenticationFailedError();
    }
    await this.attempts.clear(email);
    return { ...(await this.sessions.start(user)), user };
  }

  /** A successful password reset also lifts a lock on the address. */
  clearFailures(email: string): Promise<void> {
    return this.attempts.clear(normaliseEmail(email));
  }

  onModuleInit(): void {
    this.housekeeping = setInterval(() => void this.forgetOldCounters(), HOUSEKEEPING_INTERVAL_MS);
    this.housekeeping.unref();
  }

  onModuleDestroy(): void {
    if (this.housekeeping) clearInterval(this.housekeeping);
  }

  private async forgetOldCounters(): Promise<void> {
    // Keep a day beyond the lock so a counter never disappears while it still matters.
    const before = new Date(Date.now() - (this.config.loginLockSeconds + 24 * 3600) * 1000);
    try {
      await this.attempts.deleteUntouchedSince(before);
      await this.clients.forgetOld();
      await this.sessions.deleteEndedBefore(new Date(Date.now() - 24 * 3600 * 1000));
    } catch (error) {
      this.logger.warn(`housekeeping failed: ${(error as Error).message}`);
    }
  }
}
