import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { COUNTRY_CODES } from '../../reference/countries';
import { REORDER_NUMBER_PATTERN, SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { DeviceModelSummary, nested, optionalNested, SUPPLY_KINDS } from '../shared/device-summary';
import { ShipToAddress } from '../shared/ship-to-address';
import { SupplyForecastSummary, SupplyLevelSummary } from '../telemetry/telemetry-events';

/**
 * How the order came in: `web` (a customer on the portal), `helpdesk` (an agent on the
 * customer's behalf), or `auto` (automatic replenishment from device telemetry: placed by
 * ordering itself for an account that opted in, when telemetry sent a ReplenishmentRequested).
 */
export const ORDER_CHANNELS = ['web', 'helpdesk', 'auto'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

/**
 * `placedBy` (and the first history entry's `by`) of every order of channel `auto`: no person
 * placed it, ordering's automatic replenishment did, from telemetry's request.
 */
export const AUTO_REPLENISHMENT_ACTOR = 'system:auto-replenishment';

/** Online orders ship standard; only the helpdesk may expedite. */
export const SHIPPING_METHODS = ['standard', 'expedited'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

export const ORDER_STATUSES = [
  'placed',
  'held',
  'released',
  'cancelled',
  'shipped',
  'delivered',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** One order row: an item, what is already onsite, and how much to send. */
export class OrderRowSnapshot {
  @Matches(REORDER_NUMBER_PATTERN)
  reorderNumber: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description: string;

  @IsIn(SUPPLY_KINDS)
  kind: (typeof SUPPLY_KINDS)[number];

  @IsInt()
  @Min(1)
  bottlesPerCarton: number;

  /** Full cartons the customer still has onsite. */
  @IsInt()
  @Min(0)
  fullCartonsOnsite: number;

  /** Loose bottles (or units) onsite besides the full cartons. */
  @IsInt()
  @Min(0)
  bottlesOnsite: number;

  /** Bottles (or units) to send. */
  @IsInt()
  @Min(1)
  quantity: number;
}

/**
 * Why an automatic order (channel `auto`) was placed: telemetry's ReplenishmentRequested and
 * the reading behind it, so emails and the portal can say why.
 */
export class AutoOrderTrigger {
  /** The ReplenishmentRequested `requestId` this order answers (at most one order per request). */
  @IsUUID()
  requestId: string;

  /** `days-to-empty`: the forecast ran under lead time + safety days; `below-threshold`: the level fell under the account's low level. */
  @IsIn(['days-to-empty', 'below-threshold'])
  reason: 'days-to-empty' | 'below-threshold';

  /** The supply as the triggering reading reported it (level, capacity, percent). */
  @nested(() => SupplyLevelSummary)
  supply: SupplyLevelSummary;

  /** Days to empty and its confidence, where there was a forecast. */
  @optionalNested(() => SupplyForecastSummary)
  forecast?: SupplyForecastSummary;

  /** The device's time of the triggering reading. */
  @IsISO8601()
  readAt: string;
}

/**
 * Everything a helpdesk or ERP system needs about an order, carried by every order event so
 * that a consumer never has to call back: who, which device, where to, what, how.
 */
export class OrderSnapshot {
  @IsUUID()
  orderId: string;

  /** Human-friendly, unique, e.g. `MS-261127-7KQ2XH`; what customers quote on the phone. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  orderNumber: string;

  @IsUUID()
  accountId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  company: string;

  @IsIn(COUNTRY_CODES)
  country: string;

  /** The device the supplies are for; the Kafka key of every order event. */
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @nested(() => DeviceModelSummary)
  model: DeviceModelSummary;

  @nested(() => ShipToAddress)
  shipTo: ShipToAddress;

  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @nested(() => OrderRowSnapshot)
  rows: OrderRowSnapshot[];

  @IsIn(ORDER_CHANNELS)
  channel: OrderChannel;

  @IsIn(SHIPPING_METHODS)
  shippingMethod: ShippingMethod;

  /**
   * User id of whoever placed it: the customer, or the helpdesk agent on their behalf; for
   * channel `auto`, `system:auto-replenishment` (AUTO_REPLENISHMENT_ACTOR).
   */
  @IsString()
  @IsNotEmpty()
  placedBy: string;

  @IsISO8601()
  placedAt: string;

  /** Status after this event. */
  @IsIn(ORDER_STATUSES)
  status: OrderStatus;

  /** Channel `auto` only: the telemetry reading that triggered the order. */
  @optionalNested(() => AutoOrderTrigger)
  trigger?: AutoOrderTrigger;
}
