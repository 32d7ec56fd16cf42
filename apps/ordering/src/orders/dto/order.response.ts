import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ORDER_CHANNELS,
  ORDER_STATUSES,
  SHIPPING_METHODS,
  SUPPLY_KINDS,
  type OrderChannel,
  type OrderStatus,
  type ShippingMethod,
} from '@metered/contracts';
import type { Order } from '../domain/order';

export class ModelDto {
  @ApiProperty({ example: 'VL-C405' }) code: string;
  @ApiProperty({ example: 'VersaLink C405' }) name: string;
  @ApiProperty({ enum: ['office', 'production'] }) family: string;
}

export class ShipToDto {
  @ApiProperty() line1: string;
  // null when the address has none (as stored): documented so, the fuzzer checks answers.
  @ApiPropertyOptional({ type: String, nullable: true }) line2?: string | null;
  @ApiProperty() city: string;
  @ApiPropertyOptional({ type: String, nullable: true }) state?: string | null;
  @ApiProperty() postalCode: string;
  @ApiProperty({ example: 'US' }) country: string;
}

export class OrderRowResponse {
  @ApiProperty({ example: 'TK-5240K' }) reorderNumber: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SUPPLY_KINDS }) kind: string;
  @ApiProperty() bottlesPerCarton: number;
  @ApiProperty() fullCartonsOnsite: number;
  @ApiProperty() bottlesOnsite: number;
  @ApiProperty({ description: 'Bottles (or units) ordered' }) quantity: number;
}

export class HeldRowResponse {
  @ApiProperty() reorderNumber: string;
  @ApiProperty() onsiteBottles: number;
  @ApiPropertyOptional({
    description:
      'Bottles already ordered for the serial: open orders and those delivered within the allowance window (absent on orders held before it was counted)',
  })
  alreadyOrderedBottles?: number;
  @ApiProperty() orderedBottles: number;
  @ApiProperty() allowanceBottles: number;
}

export class StatusChangeResponse {
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'User id, or `fulfilment` for warehouse events' }) by: string;
  @ApiPropertyOptional() note?: string;
}

export class ShipmentResponse {
  @ApiProperty() carrier: string;
  @ApiProperty() trackingNumber: string;
  @ApiProperty({ format: 'date-time' }) shippedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) deliveredAt?: string;
}

export class SupplyLevelResponse {
  @ApiProperty({ description: 'The supply within the device (marker supply index or colorant)' })
  supplyId: string;
  @ApiProperty({ example: 'Black Toner Cartridge' }) description: string;
  @ApiPropertyOptional({ example: 'TK-5240K' }) reorderNumber?: string;
  @ApiProperty({
    description: 'RFC 3805: units of maxCapacity, or -1 other, -2 unknown, -3 some remaining',
  })
  level: number;
  @ApiProperty() maxCapacity: number;
  @ApiPropertyOptional({ description: '0–100 where the level gives one' }) percent?: number;
}

export class SupplyForecastResponse {
  @ApiProperty() supplyId: string;
  @ApiPropertyOptional() reorderNumber?: string;
  @ApiProperty({ enum: ['forecast', 'learning', 'cannot-forecast', 'stale'] }) state: string;
  @ApiPropertyOptional() daysToEmpty?: number;
  @ApiPropertyOptional({ enum: ['low', 'medium', 'high'] }) confidence?: string;
  @ApiProperty({ format: 'date-time' }) asOf: string;
}

/** Why an automatic order was placed (channel `auto`). */
export class AutoOrderTriggerResponse {
  @ApiProperty({ format: 'uuid', description: 'Telemetry`s ReplenishmentRequested requestId' })
  requestId: string;
  @ApiProperty({ enum: ['days-to-empty', 'below-threshold'] }) reason: string;
  @ApiProperty({ type: SupplyLevelResponse }) supply: SupplyLevelResponse;
  @ApiPropertyOptional({ type: SupplyForecastResponse }) forecast?: SupplyForecastResponse;
  @ApiProperty({ format: 'date-time', description: 'The triggering reading`s time' })
  readAt: string;
}

export class OrderResponse {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ example: 'MS-260314-7KQ3XH' }) orderNumber: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() company: string;
  @ApiProperty({ example: 'US' }) country: string;
  @ApiProperty({ example: 'E72345A6N1' }) serial: string;
  @ApiProperty({ type: ModelDto }) model: ModelDto;
  @ApiProperty({ type: ShipToDto }) shipTo: ShipToDto;
  @ApiProperty({ type: [OrderRowResponse] }) rows: OrderRowResponse[];
  @ApiProperty({ enum: ORDER_CHANNELS }) channel: OrderChannel;
  @ApiProperty({ enum: SHIPPING_METHODS }) shippingMethod: ShippingMethod;
  @ApiProperty({
    description: 'User id of whoever placed it; `system:auto-replenishment` for channel `auto`',
  })
  placedBy: string;
  @ApiProperty({ format: 'date-time' }) placedAt: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiPropertyOptional({ description: 'Why the sense check held it (held orders)' })
  holdReason?: string;
  @ApiPropertyOptional({ type: [HeldRowResponse] }) heldRows?: HeldRowResponse[];
  @ApiProperty({
    type: [StatusChangeResponse],
    description: 'Every status with its time, oldest first',
  })
  history: StatusChangeResponse[];
  @ApiPropertyOptional({ type: ShipmentResponse }) shipment?: ShipmentResponse;
  @ApiPropertyOptional({ description: 'Who cancelled, why, when' })
  cancellation?: { by: string; role: string; reason: string; at: string };
  @ApiPropertyOptional({
    type: AutoOrderTriggerResponse,
    description: 'Channel `auto` only: the device reading that triggered the order',
  })
  trigger?: AutoOrderTriggerResponse;

  static from(order: Order): OrderResponse {
    return {
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      accountId: order.accountId,
      company: order.company,
      country: order.country,
      serial: order.serial,
      model: order.model,
      shipTo: order.shipTo,
      rows: order.rows,
      channel: order.channel,
      shippingMethod: order.shippingMethod,
      placedBy: order.placedBy,
      placedAt: order.placedAt.toISOString(),
      status: order.status,
      ...(order.holdReason ? { holdReason: order.holdReason, heldRows: order.heldRows } : {}),
      history: order.history.map((change) => ({
        status: change.status,
        at: change.at.toISOString(),
        by: change.by,
        ...(change.note ? { note: change.note } : {}),
      })),
      ...(order.shipment
        ? {
            shipment: {
              carrier: order.shipment.carrier,
              trackingNumber: order.shipment.trackingNumber,
              shippedAt: order.shipment.shippedAt.toISOString(),
              ...(order.shipment.deliveredAt
                ? { deliveredAt: order.shipment.deliveredAt.toISOString() }
                : {}),
            },
          }
        : {}),
      ...(order.cancellation
        ? { cancellation: { ...order.cancellation, at: order.cancellation.at.toISOString() } }
        : {}),
      ...(order.trigger ? { trigger: order.trigger } : {}),
    };
  }
}

export class OrderListResponse {
  @ApiProperty({ type: [OrderResponse] }) items: OrderResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next (older) page; null on the last page',
  })
  nextCursor: string | null;
}
