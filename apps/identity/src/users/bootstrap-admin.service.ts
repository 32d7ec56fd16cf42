import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UserActivatedEvent } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity.config';
import { hashPassword } from './domain/password-hasher';
import { passwordProblems } from './domain/password-policy';
import { normaliseEmail, User } from './domain/user';
import { DuplicateUserError, UsersRepository } from './persistence/users.repository';
import { STAFF_COMPANY } from './users.service';

/**
 * The first admin, so a new installation can be signed into: created at start from
 * BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD when no user has that email. Replicas
 * starting together race on the unique email index; the loser finds the admin there.
 * An existing user is never changed (its password may have been changed since).
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly outbox: EventOutbox,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    const email = normaliseEmail(admin.email);
    if (await this.users.findByEmail(email)) return;
    if (passwordProblems(admin.password, email).length > 0) {
      this.logger.warn(
        'BOOTSTRAP_ADMIN_PASSWORD breaks the password rules; change it after signing in',
      );
    }
    const now = new Date();
    const user: User = {
      id: randomUUID(),
      email,
      name: 'Administrator',
      roles: ['admin'],
      accountId: null,
      company: STAFF_COMPANY,
      country: 'US',
      status: 'active',
      passwordHash: await hashPassword(admin.password),
      accessLink: null,
      resetRequestedAt: [],
      registrationId: null,
      createdAt: now,
      activatedAt: now,
    };
    const event = this.outbox.create(UserActivatedEvent, {
      userId: user.id,
      email,
      roles: user.roles,
      activatedAt: now.toISOString(),
    });
    try {
      await this.users.insert(user, [event]);
      this.logger.log(`bootstrap admin ${email} created`);
    } catch (error) {
      if (!(error instanceof DuplicateUserError)) throw error;
    }
  }
}
