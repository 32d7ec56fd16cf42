import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RegistrationApprovedPayload, UserActivatedPayload } from '@metered/contracts';
import { EventEnvelope, EventRejectedError } from '@metered/event-platform';
import { EmailQueue } from '../emails/email-queue.service';
import {
  AccountRecipient,
  mailingList,
  recipientOfActivatedUser,
  withRecipient,
} from './domain/account-recipients';
import {
  isOrderEmailEventType,
  OrderEmailEvent,
  OrderEmailPayload,
  renderOrderEmail,
} from './domain/order-email';
import { ParkedOrderEvent } from './persistence/account-recipient.schema';
import {
  AccountRecipientsRepository,
  AccountRecipientsState,
} from './persistence/account-recipients.repository';

/**
 * Emails about orders, one per (event, user of the account). Order events name only the
 * account, so the users come from notifications' read model, built from identity's events.
 * Those travel on other topics and may arrive after the first order (the account is new, this
 * service was down, an identity partition lags): the order event is then *parked* in the read
 * model and mailed when the account's first user arrives — never thrown back for a retry that
 * would end on the dead-letter topic after seconds, and never dropped.
 */
@Injectable()
export class OrderEmailsService {
  private readonly logger = new Logger(OrderEmailsService.name);

  constructor(
    @Inject(EmailQueue) private readonly queue: EmailQueue,
    @Inject(AccountRecipientsRepository) private readonly accounts: AccountRecipientsRepository,
  ) {}

  async onOrderEvent(event: EventEnvelope<OrderEmailPayload>): Promise<void> {
    if (!isOrderEmailEventType(event.type)) {
      throw new EventRejectedError('handler-rejected', `${event.type} has no order email`);
    }
    const orderEvent: OrderEmailEvent = {
      eventId: event.eventId,
      correlationId: event.correlationId,
      type: event.type,
      payload: event.payload,
    };
    const { accountId } = event.payload;
    const about = 'orderNumber' in event.payload ? event.payload.orderNumber : 'ship-to address';
    // The usual case — the account's users are known — writes nothing to the account, so it
    // needs no lock (which every order event of a busy account would otherwise queue for);
    // emails are idempotent by messageId. Only parking must be decided under the lock.
    const known = await this.accounts.recipientsOf(accountId);
    if (known.length > 0) {
      await this.mail(orderEvent, known);
      return;
    }
    await this.accounts.update(accountId, async (current) => {
      if (current.recipients.length > 0) {
        await this.mail(orderEvent, current.recipients);
        return current;
      }
      if (current.parkedOrderEvents.some((parked) => parked.eventId === event.eventId)) {
        return current;
      }
      this.logger.log(
        `${event.type} ${event.eventId} (${about}) parked until a user of account ${accountId} is known`,
      );
      const parked: ParkedOrderEvent = { ...orderEvent, parkedAt: new Date() };
      return { ...current, parkedOrderEvents: [...current.parkedOrderEvents, parked] };
    });
  }

  /** The account's first user; mailed from now on even before they set a password. */
  async onRegistrationApproved(event: EventEnvelope<RegistrationApprovedPayload>): Promise<void> {
    const { accountId, userId, email, contactName } = event.payload;
    await this.addRecipient(accountId, { userId, email, name: contactName });
  }

  /** Any customer user who activated; later users of an account arrive only this way. */
  async onUserActivated(event: EventEnvelope<UserActivatedPayload>): Promise<void> {
    const customer = recipientOfActivatedUser(event.payload);
    if (customer) await this.addRecipient(customer.accountId, customer.recipient);
  }

  private async addRecipient(accountId: string, recipient: AccountRecipient): Promise<void> {
    await this.accounts.update(accountId, async (current): Promise<AccountRecipientsState> => {
      const recipients = withRecipient(current.recipients, recipient);
      // Queued before they leave the read model: a crash in between only queues them again,
      // which the messageIds turn into no-ops.
      for (const parked of current.parkedOrderEvents) await this.mail(parked, recipients);
      if (current.parkedOrderEvents.length > 0) {
        this.logger.log(
          `${current.parkedOrderEvents.length} parked order event(s) of account ${accountId} mailed`,
        );
      }
      return { recipients, parkedOrderEvents: [] };
    });
  }

  private async mail(event: OrderEmailEvent, recipients: AccountRecipient[]): Promise<void> {
    for (const recipient of mailingList(recipients)) {
      const { template, content } = renderOrderEmail(event, recipient.name);
      await this.queue.enqueue(template, event, recipient.email, content, recipient.userId);
    }
  }
}
