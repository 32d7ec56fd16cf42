import { Inject, Injectable } from '@nestjs/common';
import type {
  AccountRequestHeader,
  MachinesRequestDecidedPayload,
  MachinesRequestedPayload,
  SupplyItemRequestDecidedPayload,
  SupplyItemRequestedPayload,
} from '@metered/contracts';
import type { EventEnvelope } from '@metered/event-platform';
import { EmailQueue } from '../emails/email-queue.service';
import { greetingOf } from '../order-emails/domain/account-recipients';
import { AccountRecipientsRepository } from '../order-emails/persistence/account-recipients.repository';
import { machinesRequestDecidedEmail } from '../templates/machines-request-decided.template';
import { machinesRequestReceivedEmail } from '../templates/machines-request-received.template';
import { supplyItemRequestDecidedEmail } from '../templates/supply-item-request-decided.template';
import { supplyItemRequestReceivedEmail } from '../templates/supply-item-request-received.template';

/**
 * Emails about a customer's requests to the helpdesk (more machines, an item not listed).
 * Each event names the requester, so no read model is needed: one email per event, to
 * `requestedBy.email`, named `<template>:<eventId>` so a redelivery queues nothing new. The
 * requester is greeted by name, from the account's users notifications knows (identity's
 * events); "<company> team" only when their name is not known yet.
 */
@Injectable()
export class AccountRequestEmailsService {
  constructor(
    @Inject(EmailQueue) private readonly queue: EmailQueue,
    @Inject(AccountRecipientsRepository) private readonly accounts: AccountRecipientsRepository,
  ) {}

  private async greetingFor(payload: AccountRequestHeader): Promise<string> {
    const recipients = await this.accounts.recipientsOf(payload.accountId);
    return greetingOf(recipients, payload.requestedBy.userId, payload.company);
  }

  async onMachinesRequested(event: EventEnvelope<MachinesRequestedPayload>): Promise<void> {
    const { payload } = event;
    const greetingName = await this.greetingFor(payload);
    await this.queue.enqueue(
      'machines-request-received',
      event,
      payload.requestedBy.email,
      machinesRequestReceivedEmail({
        greetingName,
        company: payload.company,
        country: payload.country,
        proofSerial: payload.proofSerial,
        checks: payload.checks,
      }),
    );
  }

  async onMachinesRequestDecided(
    event: EventEnvelope<MachinesRequestDecidedPayload>,
  ): Promise<void> {
    const { payload } = event;
    const greetingName = await this.greetingFor(payload);
    await this.queue.enqueue(
      'machines-request-decided',
      event,
      payload.requestedBy.email,
      machinesRequestDecidedEmail({
        greetingName,
        company: payload.company,
        country: payload.country,
        decision: payload.decision,
        approvedSerials: payload.approvedSerials,
        reason: payload.reason,
      }),
    );
  }

  async onSupplyItemRequested(event: EventEnvelope<SupplyItemRequestedPayload>): Promise<void> {
    const { payload } = event;
    const greetingName = await this.greetingFor(payload);
    await this.queue.enqueue(
      'supply-item-request-received',
      event,
      payload.requestedBy.email,
      supplyItemRequestReceivedEmail({
        greetingName,
        company: payload.company,
        country: payload.country,
        serial: payload.serial,
        reorderNumber: payload.reorderNumber,
        note: payload.note,
      }),
    );
  }

  async onSupplyItemRequestDecided(
    event: EventEnvelope<SupplyItemRequestDecidedPayload>,
  ): Promise<void> {
    const { payload } = event;
    const greetingName = await this.greetingFor(payload);
    await this.queue.enqueue(
      'supply-item-request-decided',
      event,
      payload.requestedBy.email,
      supplyItemRequestDecidedEmail({
        greetingName,
        company: payload.company,
        country: payload.country,
        serial: payload.serial,
        reorderNumber: payload.reorderNumber,
        decision: payload.decision,
        description: payload.item?.description,
        reason: payload.reason,
      }),
    );
  }
}
