import { IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';

/** What the warehouse tells about an order's parcel; ordering turns it into order status. */
export class ShipmentPayload {
  @IsUUID()
  orderId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  orderNumber: string;

  /** Kafka key, as on the order topic. */
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  carrier: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  trackingNumber: string;
}

export class ShipmentDispatchedPayload extends ShipmentPayload {
  @IsISO8601()
  dispatchedAt: string;
}

export const ShipmentDispatchedEvent = defineEvent({
  type: 'ShipmentDispatched',
  version: 1,
  topic: Topics.FulfilmentShipment,
  payloadClass: ShipmentDispatchedPayload,
  keyOf: (payload) => payload.serial,
});

export class ShipmentDeliveredPayload extends ShipmentPayload {
  @IsISO8601()
  deliveredAt: string;
}

export const ShipmentDeliveredEvent = defineEvent({
  type: 'ShipmentDelivered',
  version: 1,
  topic: Topics.FulfilmentShipment,
  payloadClass: ShipmentDeliveredPayload,
  keyOf: (payload) => payload.serial,
});
