import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LoginDetailsIssuedV2Event, Role } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { ConflictError, NotFoundError } from '@metered/service-kit';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity.config';
import { deterministicUuid, expiresAfter, generateOneTimeToken } from './domain/one-time-token';
import { sealSetPasswordLink, setPasswordUrl } from './domain/sealed-links';
import { normaliseEmail, User } from './domain/user';
import {
  DuplicateUserError,
  type UserFilter,
  UsersRepository,
} from './persistence/users.repository';

export interface NewCustomerUser {
  registrationId: string;
  accountId: string;
  email: string;
  contactName: string;
  company: string;
  country: string;
  /** What the login-details email says the approval linked, and what it did not. */
  approvedSerials: string[];
  notApprovedSerials: { serial: string; reason: string }[];
}

export interface NewStaffUser {
  email: string;
  name: string;
  roles: Role[];
  country: string;
}

/** The organisation shown for staff users (LoginDetailsIssued needs a company). */
export const STAFF_COMPANY = 'Metered Supplies';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly outbox: EventOutbox,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** true when a user with this email (compared lower-cased) exists. */
  async emailInUse(email: string): Promise<boolean> {
    return (await this.users.findByEmail(normaliseEmail(email))) !== null;
  }

  async findById(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('user not found');
    return user;
  }

  list(filter: UserFilter = {}): Promise<User[]> {
    return this.users.list({
      ...(filter.accountId ? { accountId: filter.accountId } : {}),
      ...(filter.email ? { email: normaliseEmail(filter.email) } : {}),
    });
  }

  /**
   * The approved registration's first user (customer, inactive, no password) with a
   * set-password link and `LoginDetailsIssued`, in one insert. The user id is derived from
   * the registration id, so a repeated call (a redelivered approval) hits the unique _id,
   * returns the existing ids and publishes nothing new.
   */
  async createCustomerForRegistration(
    input: NewCustomerUser,
  ): Promise<{ userId: string; accountId: string }> {
    const userId = deterministicUuid('registration-user', input.registrationId);
    const existing = await this.users.findById(userId);
    if (existing) return { userId, accountId: existing.accountId ?? input.accountId };
    try {
      await this.createInvited(
        {
          id: userId,
          email: input.email,
          name: input.contactName,
          roles: ['customer'],
          accountId: input.accountId,
          company: input.company,
          country: input.country,
          registrationId: input.registrationId,
        },
        { approvedSerials: input.approvedSerials, notApprovedSerials: input.notApprovedSerials },
      );
    } catch (error) {
      if (!(error instanceof DuplicateUserError)) throw error;
      const winner = await this.users.findById(userId);
      if (winner) return { userId, accountId: winner.accountId ?? input.accountId };
      throw new ConflictError('a user with this email already exists');
    }
    return { userId, accountId: input.accountId };
  }

  /** A staff user (admin only): invited, mailed a set-password link. 409 on a taken email. */
  async createStaffUser(input: NewStaffUser): Promise<User> {
    try {
      return await this.createInvited({
        id: randomUUID(),
        email: input.email,
        name: input.name,
        roles: [...new Set(input.roles)],
        accountId: null,
        company: STAFF_COMPANY,
        country: input.country,
        registrationId: null,
      });
    } catch (error) {
      if (error instanceof DuplicateUserError) {
        throw new ConflictError('a user with this email already exists');
      }
      throw error;
    }
  }

  private async createInvited(
    fields: Pick<
      User,
      'id' | 'email' | 'name' | 'roles' | 'accountId' | 'company' | 'country' | 'registrationId'
    >,
    serials?: Pick<NewCustomerUser, 'approvedSerials' | 'notApprovedSerials'>,
  ): Promise<User> {
    const now = new Date();
    const link = generateOneTimeToken();
    const expiresAt = expiresAfter(now, this.config.setPasswordLinkTtlSeconds);
    const user: User = {
      ...fields,
      email: normaliseEmail(fields.email),
      status: 'invited',
      passwordHash: null,
      accessLink: { purpose: 'setup', tokenHash: link.hash, expiresAt },
      resetRequestedAt: [],
      createdAt: now,
      activatedAt: null,
    };
    const event = this.outbox.create(LoginDetailsIssuedV2Event, {
      userId: user.id,
      email: user.email,
      contactName: user.name,
      company: user.company,
      country: user.country,
      setPasswordLink: sealSetPasswordLink(
        this.config.accessLinks,
        { userId: user.id, email: user.email },
        setPasswordUrl(this.config.portalUrl, link.token),
      ),
      expiresAt: expiresAt.toISOString(),
      ...serials,
    });
    await this.users.insert(user, [event]);
    return user;
  }
}
