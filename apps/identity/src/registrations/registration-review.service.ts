import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RegistrationApprovedEvent, RegistrationRejectedEvent } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { ConflictError, InvalidInputError, NotFoundError } from '@metered/service-kit';
import { UsersService } from '../users/users.service';
import {
  ApprovalClaim,
  OPEN_STATUSES,
  Registration,
  RegistrationStatus,
} from './domain/registration';
import {
  approvableSerials,
  notApprovedSerials,
  rejectionConflict,
  RuleOutcome,
} from './domain/registration-rules';
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
   * Three steps, because the user lives in another collection and there are no
   * multi-document transactions: claim the decision on the registration (a new account id
   * and the serials, under the registration's lock), create the user (idempotent per
   * registration; it mails the login details), then decide — status and RegistrationApproved
   * in one write. The claim comes before any side effect: once it is made a rejection is
   * refused, so a rejection racing this approval either wins before the claim (and the
   * approval stops with nothing created) or loses with nothing sent. A retry after a crash
   * continues the claim; of two validators approving at once only one decides.
   */
  async approve(id: string, validatorId: string, chosen?: string[]): Promise<Registration> {
    const claimed = await this.registrations.change(id, (current) => {
      const serials = settled(approvableSerials(current, chosen));
      if (current.approvalClaim) return null;
      const approvalClaim = {
        accountId: randomUUID(),
        serials,
        claimedBy: validatorId,
        claimedAt: new Date(),
      };
      return { next: { ...current, approvalClaim }, events: [] };
    });
    const claim = claimed?.approvalClaim;
    if (!claimed || !claim) throw new NotFoundError('registration not found');
    const { userId, accountId } = await this.createUser(claimed, claim);
    const decidedAt = new Date();
    return this.decide(id, (current) => {
      if (
        current.status !== 'pending-review' ||
        current.approvalClaim?.accountId !== claim.accountId
      ) {
        throw new ConflictError(`registration is already ${current.status}`);
      }
      const serials = claim.serials;
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
      const conflict = rejectionConflict(current);
      if (conflict) throw new ConflictError(conflict);
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

  /**
   * The claimed approval's user. When the email already belongs to another user nothing was
   * created, so the claim is withdrawn: the request can still be rejected.
   */
  private async createUser(
    registration: Registration,
    claim: ApprovalClaim,
  ): Promise<{ userId: string; accountId: string }> {
    try {
      return await this.users.createCustomerForRegistration({
        registrationId: registration.id,
        accountId: claim.accountId,
        email: registration.email,
        contactName: registration.contactName,
        company: registration.company,
        country: registration.country,
        approvedSerials: claim.serials,
        notApprovedSerials: notApprovedSerials(registration, claim.serials),
      });
    } catch (error) {
      if (error instanceof ConflictError) {
        await this.registrations.change(registration.id, (current) =>
          current.approvalClaim?.accountId === claim.accountId &&
          current.status === 'pending-review'
            ? { next: { ...current, approvalClaim: null }, events: [] }
            : null,
        );
      }
      throw error;
    }
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
