import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RegistrationApprovedEvent, RegistrationRejectedEvent } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { ConflictError, InvalidInputError, NotFoundError } from '@metered/service-kit';
import { UsersService } from '../users/users.service';
import { OPEN_STATUSES, Registration, RegistrationStatus } from './domain/registration';
import { approvableSerials, canMove, RuleOutcome } from './domain/registration-rules';
import { RegistrationsRepository } from './persistence/registrations.repository';

export interface RegistrationListing {
  status?: RegistrationStatus;
  limit: number;
  before?: Date;
}

/** The validator's side: the queue, and approving or rejecting a request. */
@Injectable()
export class RegistrationReviewService {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly users: UsersService,
    private readonly outbox: EventOutbox,
  ) {}

  list(listing: RegistrationListing): Promise<Registration[]> {
    return this.registrations.list({
      statuses: listing.status ? [listing.status] : OPEN_STATUSES,
      limit: listing.limit,
      before: listing.before,
    });
  }

  async get(id: string): Promise<Registration> {
    const registration = await this.registrations.findById(id);
    if (!registration) throw new NotFoundError('registration not found');
    return registration;
  }

  /**
   * Three steps, each safe to repeat, because the user lives in another collection and
   * there are no multi-document transactions: reserve the account id on the registration,
   * create the user (idempotent per registration), then decide — status and
   * RegistrationApproved in one write, only if still pending review. A retry after a crash
   * reuses the reserved account and finds the user; of two validators only one decides.
   */
  async approve(id: string, validatorId: string, chosen?: string[]): Promise<Registration> {
    settled(approvableSerials(await this.get(id), chosen));
    const reserved = await this.registrations.change(id, (current) => {
      settled(approvableSerials(current, chosen));
      if (current.reservedAccountId) return null;
      return { next: { ...current, reservedAccountId: randomUUID() }, events: [] };
    });
    const accountId = reserved?.reservedAccountId;
    if (!reserved || !accountId) throw new NotFoundError('registration not found');
    const { userId } = await this.users.createCustomerForRegistration({
      registrationId: id,
      accountId,
      email: reserved.email,
      contactName: reserved.contactName,
      company: reserved.company,
      country: reserved.country,
    });
    const decidedAt = new Date();
    return this.decide(id, (current) => {
      const serials = settled(approvableSerials(current, chosen));
      const approved = this.outbox.create(RegistrationApprovedEvent, {
        registrationId: id,
        accountId,
        userId,
        company: current.company,
        contactName: current.contactName,
        email: current.email,
        country: current.country,
        shipTo: current.shipTo,
        serials,
        approvedBy: validatorId,
        approvedAt: decidedAt.toISOString(),
      });
      const decision = { decidedBy: validatorId, decidedAt, approvedSerials: serials, accountId };
      return { next: { ...current, status: 'approved', decision }, events: [approved] };
    });
  }

  /** Also possible before the checks arrive (an obviously bogus request). */
  async reject(id: string, validatorId: string, reason: string): Promise<Registration> {
    const decidedAt = new Date();
    return this.decide(id, (current) => {
      if (!canMove(current.status, 'rejected')) {
        throw new ConflictError(`registration is already ${current.status}`);
      }
      const rejected = this.outbox.create(RegistrationRejectedEvent, {
        registrationId: id,
        company: current.company,
        contactName: current.contactName,
        email: current.email,
        country: current.country,
        reason,
        rejectedBy: validatorId,
        rejectedAt: decidedAt.toISOString(),
      });
      const decision = { decidedBy: validatorId, decidedAt, reason };
      return { next: { ...current, status: 'rejected', decision }, events: [rejected] };
    });
  }

  private async decide(
    id: string,
    decide: Parameters<RegistrationsRepository['change']>[1],
  ): Promise<Registration> {
    const after = await this.registrations.change(id, decide);
    if (!after) throw new NotFoundError('registration not found');
    return after;
  }
}

/** The value of a rule's outcome, or the domain error that tells the caller why not. */
function settled<T>(outcome: RuleOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  if (outcome.kind === 'invalid') throw new InvalidInputError(outcome.problems);
  throw new ConflictError(outcome.message);
}
