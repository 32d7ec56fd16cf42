import {
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { REORDER_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';
import { nested } from '../shared/device-summary';
import { OrderSnapshot } from './order-snapshot';

// Every order event is keyed by serial, so one device's orders stay in order for consumers.

/** An order was accepted and may be fulfilled. */
export class OrderPlacedPayload extends OrderSnapshot {}

export const OrderPlacedEvent = defineEvent({
  type: 'OrderPlaced',
  version: 1,
  topic: Topics.OrderingOrder,
  payloadClass: OrderPlacedPayload,
  keyOf: (payload) => payload.serial,
});

/** Why the consumption sense check held a row: onsite + already ordered + ordered exceeds the allowance. */
export class HeldRow {
  @Matches(REORDER_NUMBER_PATTERN)
  reorderNumber: string;

  /** Bottles onsite: full cartons × bottles per carton + loose bottles. */
  @IsInt()
  @Min(0)
  onsiteBottles: number;

  /**
   * Bottles of the item already ordered for the serial when this order was decided: open
   * orders (placed, released, shipped) and orders delivered within the allowance window
   * (30 days by default). Absent in events from before it was counted.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  alreadyOrderedBottles?: number;

  @IsInt()
  @Min(1)
  orderedBottles: number;

  /** The most bottles the account should hold for this item. */
  @IsInt()
  @Min(0)
  allowanceBottles: number;
}

/** An order was accepted but waits for a helpdesk review before fulfilment. */
export class OrderHeldPayload extends OrderSnapshot {
  /** Plain-language reason shown to the customer and the helpdesk. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  holdReason: string;

  @ArrayMinSize(1)
  @nested(() => HeldRow)
  heldRows: HeldRow[];
}

export const OrderHeldEvent = defineEvent({
  type: 'OrderHeld',
  version: 1,
  topic: Topics.OrderingOrder,
  payloadClass: OrderHeldPayload,
  keyOf: (payload) => payload.serial,
});

/** The helpdesk released a held order: it may now be fulfilled. */
export class OrderReleasedPayload extends OrderSnapshot {
  @IsString()
  @IsNotEmpty()
  releasedBy: string;

  @IsISO8601()
  releasedAt: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export const OrderReleasedEvent = defineEvent({
  type: 'OrderReleased',
  version: 1,
  topic: Topics.OrderingOrder,
  payloadClass: OrderReleasedPayload,
  keyOf: (payload) => payload.serial,
});

export const CANCELLATION_ACTORS = ['customer', 'helpdesk'] as const;

/** An order was cancelled before it shipped. */
export class OrderCancelledPayload extends OrderSnapshot {
  @IsString()
  @IsNotEmpty()
  cancelledBy: string;

  @IsIn(CANCELLATION_ACTORS)
  cancelledByRole: (typeof CANCELLATION_ACTORS)[number];

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  @IsISO8601()
  cancelledAt: string;
}

export const OrderCancelledEvent = defineEvent({
  type: 'OrderCancelled',
  version: 1,
  topic: Topics.OrderingOrder,
  payloadClass: OrderCancelledPayload,
  keyOf: (payload) => payload.serial,
});

/** The order left the warehouse. */
export class OrderShippedPayload extends OrderSnapshot {
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  carrier: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  trackingNumber: string;

  @IsISO8601()
  shippedAt: string;
}

export const OrderShippedEvent = defineEvent({
  type: 'OrderShipped',
  version: 1,
  topic: Topics.OrderingOrder,
  payloadClass: OrderShippedPayload,
  keyOf: (payload) => payload.serial,
});

/** The carrier delivered the order. */
export class OrderDeliveredPayload extends OrderSnapshot {
  @IsISO8601()
  deliveredAt: string;
}

export const OrderDeliveredEvent = defineEvent({
  type: 'OrderDelivered',
  version: 1,
  topic: Topics.OrderingOrder,
  payloadClass: OrderDeliveredPayload,
  keyOf: (payload) => payload.serial,
});
