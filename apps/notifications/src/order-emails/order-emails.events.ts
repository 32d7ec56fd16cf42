import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  OrderCancelledEvent,
  OrderHeldEvent,
  OrderPlacedEvent,
  OrderReleasedEvent,
  OrderShippedEvent,
  ShipToAddressChangedEvent,
  Topics,
  UserActivatedEvent,
  UserActivatedPayload,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope, EventHandlers, idempotent } from '@metered/event-platform';
import { OrderEmailPayload } from './domain/order-email';
import { OrderEmailsService } from './order-emails.service';

/**
 * Kafka handlers: the order lifecycle (ordering) and customer users joining an account
 * (identity). RegistrationApproved, the account's first user, shares identity's registration
 * topic, so RegistrationEmailsEvents hands it over: one handler per topic keeps each message
 * parsed, deduplicated and dead-lettered once.
 */
@Controller()
export class OrderEmailsEvents {
  constructor(
    @Inject(EventConsumer) private readonly events: EventConsumer,
    @Inject(OrderEmailsService) private readonly emails: OrderEmailsService,
  ) {}

  @EventPattern(Topics.OrderingOrder)
  async onOrderEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    // Naturally idempotent, so no inbox: each email's _id is (template, event, recipient) and
    // parking checks the eventId under the account's lock; a redelivery changes nothing.
    const handle = idempotent((e: EventEnvelope<OrderEmailPayload>) => this.emails.onOrderEvent(e));
    const handlers: EventHandlers = {
      [OrderPlacedEvent.type]: handle,
      [OrderHeldEvent.type]: handle,
      [OrderReleasedEvent.type]: handle,
      [OrderCancelledEvent.type]: handle,
      [OrderShippedEvent.type]: handle,
    };
    await this.events.consume(context, handlers);
  }

  /** The helpdesk changed where an account's orders go: its users are told (parked alike). */
  @EventPattern(Topics.RegistryAccount)
  async onAccountEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [ShipToAddressChangedEvent.type]: idempotent((e: EventEnvelope<OrderEmailPayload>) =>
        this.emails.onOrderEvent(e),
      ),
    });
  }

  @EventPattern(Topics.IdentityUser)
  async onUserEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [UserActivatedEvent.type]: (e: EventEnvelope<UserActivatedPayload>) =>
        this.emails.onUserActivated(e),
    });
  }
}
