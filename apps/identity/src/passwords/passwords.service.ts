import { Inject, Injectable } from '@nestjs/common';
import {
  LoginDetailsIssuedV2Event,
  PasswordChangedEvent,
  PasswordResetRequestedV2Event,
  UserActivatedEvent,
} from '@metered/contracts';
import { EventOutbox, OutgoingEvent } from '@metered/event-platform';
import { InvalidInputError } from '@metered/service-kit';
import { AuthService } from '../auth/auth.service';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity.config';
import { SessionsService } from '../sessions/sessions.service';
import { expiresAfter, generateOneTimeToken, hashToken } from '../users/domain/one-time-token';
import { hashPassword } from '../users/domain/password-hasher';
import {
  resetPasswordUrl,
  sealResetLink,
  sealSetPasswordLink,
  setPasswordUrl,
} from '../users/domain/sealed-links';
import { passwordProblems } from '../users/domain/password-policy';
import {
  AccessLinkPurpose,
  forgotPasswordLinkFor,
  hasLiveLink,
  normaliseEmail,
  User,
} from '../users/domain/user';
import { UsersRepository } from '../users/persistence/users.repository';

export const FORGOT_PASSWORD_MESSAGE =
  'If this address belongs to an account, we have sent a link to reset the password.';
const INVALID_LINK = { field: 'token', reason: 'the link is invalid or has expired' };
const HOUR_MS = 3600 * 1000;

/** Set-password and reset links: single use, expiring, stored only as SHA-256 hashes. */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
    private readonly outbox: EventOutbox,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** First password from the emailed set-password link; activates the user (UserActivated). */
  async setUp(token: string, password: string): Promise<void> {
    await this.useLink('setup', token, password, (user, now) => ({
      user: { ...user, status: 'active', activatedAt: user.activatedAt ?? now },
      events: [
        this.outbox.create(UserActivatedEvent, {
          userId: user.id,
          ...(user.accountId ? { accountId: user.accountId } : {}),
          email: user.email,
          name: user.name,
          roles: user.roles,
          activatedAt: now.toISOString(),
        }),
      ],
    }));
  }

  /**
   * New password from a reset link; every session of the user ends, and the person is told
   * (PasswordChanged, in the same write) in case it was not them.
   */
  async reset(token: string, password: string): Promise<void> {
    const user = await this.useLink('reset', token, password, (current, now) => ({
      user: current,
      events: [
        this.outbox.create(PasswordChangedEvent, {
          userId: current.id,
          email: current.email,
          contactName: current.name,
          country: current.country,
          changedAt: now.toISOString(),
        }),
      ],
    }));
    await this.sessions.revokeAllOfUser(user.id, 'password-changed');
    await this.auth.clearFailures(user.email);
  }

  /**
   * Mails a reset link to an active user — or, to an invited user who never set a password
   * (e.g. whose 72-hour link expired), a fresh set-password link (LoginDetailsIssued).
   * Unknown, disabled and rate-limited addresses get nothing and the caller the same answer,
   * so nobody learns which addresses exist.
   */
  async requestReset(emailInput: string): Promise<void> {
    const existing = await this.users.findByEmail(normaliseEmail(emailInput));
    if (!existing || !forgotPasswordLinkFor(existing)) return;
    await this.users.change(existing.id, async (user) => {
      const now = new Date();
      const purpose = user ? forgotPasswordLinkFor(user) : null;
      if (!user || !purpose) return { result: undefined };
      const recent = user.resetRequestedAt.filter((at) => now.getTime() - at.getTime() < HOUR_MS);
      if (recent.length >= this.config.passwordResetMaxPerHour) return { result: undefined };
      const link = generateOneTimeToken();
      const ttl =
        purpose === 'reset'
          ? this.config.resetLinkTtlSeconds
          : this.config.setPasswordLinkTtlSeconds;
      const expiresAt = expiresAfter(now, ttl);
      return {
        user: {
          ...user,
          accessLink: { purpose, tokenHash: link.hash, expiresAt },
          resetRequestedAt: [...recent, now],
        },
        events: [this.linkEvent(user, purpose, link.token, expiresAt)],
        result: undefined,
      };
    });
  }

  private linkEvent(
    user: User,
    purpose: AccessLinkPurpose,
    token: string,
    expiresAt: Date,
  ): OutgoingEvent {
    const common = {
      userId: user.id,
      email: user.email,
      contactName: user.name,
      country: user.country,
      expiresAt: expiresAt.toISOString(),
    };
    // The link is sealed for notifications only (docs/events.md); its token rides in the
    // URL fragment, which browsers never send to a server.
    const to = { userId: user.id, email: user.email };
    const { accessLinks, portalUrl } = this.config;
    if (purpose === 'setup') {
      return this.outbox.create(LoginDetailsIssuedV2Event, {
        ...common,
        company: user.company,
        setPasswordLink: sealSetPasswordLink(accessLinks, to, setPasswordUrl(portalUrl, token)),
      });
    }
    return this.outbox.create(PasswordResetRequestedV2Event, {
      ...common,
      resetLink: sealResetLink(accessLinks, to, resetPasswordUrl(portalUrl, token)),
    });
  }

  /**
   * Checks the link, then the password, then (under the user's lock) consumes the link in
   * the same write that stores the new password, so a link works exactly once.
   */
  private async useLink(
    purpose: AccessLinkPurpose,
    token: string,
    password: string,
    apply: (user: User, now: Date) => { user: User; events: OutgoingEvent[] },
  ): Promise<User> {
    const tokenHash = hashToken(token);
    const holder = await this.users.findByLinkTokenHash(tokenHash);
    if (!holder || !hasLiveLink(holder, purpose, new Date()))
      throw new InvalidInputError([INVALID_LINK]);
    const problems = passwordProblems(password, holder.email);
    if (problems.length > 0) {
      throw new InvalidInputError(problems.map((reason) => ({ field: 'password', reason })));
    }
    const passwordHash = await hashPassword(password);
    const used = await this.users.change(holder.id, async (user) => {
      const now = new Date();
      const stillLive =
        user && hasLiveLink(user, purpose, now) && user.accessLink?.tokenHash === tokenHash;
      if (!user || !stillLive) return { result: null };
      const changed = apply({ ...user, passwordHash, accessLink: null }, now);
      return { ...changed, result: changed.user };
    });
    if (!used) throw new InvalidInputError([INVALID_LINK]);
    return used;
  }
}
