import type { OrderTriggerView } from './order-channel';
import type { ShipTo } from '../../config/ship-to';
/**
 * What the ordering service answers (docs/api.md, "ordering"). Optional fields are ones the
 * page can do without, so a slightly different answer degrades instead of breaking the page.
 */
export interface CatalogItem {
  reorderNumber: string;
  description: string;
  kind?: string;
  bottlesPerCarton: number;
  /** The most that may be ordered in one row. */
  maxQuantity?: number;
}

/** One serial of GET /api/orders/catalog/serials: ordering's own view of what can be ordered. */
export interface CatalogSerial {
  serial: string;
  model?: { code: string; name: string; family?: string } | null;
  contract?: { contractId?: string; status?: string; startsOn?: string; endsOn?: string } | null;
  covered: boolean;
  items: CatalogItem[];
  /** The account's ship-to address as ordering knows it (read-only). */
  shipTo?: ShipTo;
  country?: string;
  accountId?: string;
}

export const ORDER_STATUSES = [
  'placed',
  'held',
  'released',
  'cancelled',
  'shipped',
  'delivered',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderRowView {
  reorderNumber: string;
  description?: string;
  kind?: string;
  bottlesPerCarton?: number;
  fullCartonsOnsite: number;
  bottlesOnsite: number;
  quantity: number;
}

export interface StatusChange {
  status: OrderStatus;
  at: string;
  /** e.g. the cancellation reason or the helpdesk's note, when the service gives one. */
  note?: string;
}

/** Why the consumption sense check held a row (all in bottles). */
export interface HeldRowView {
  reorderNumber: string;
  onsiteBottles: number;
  /** Open orders and those delivered lately for the serial (absent on older holds). */
  alreadyOrderedBottles?: number;
  orderedBottles: number;
  allowanceBottles: number;
}

/** An order as POST /api/orders, GET /api/orders and GET /api/orders/{orderId} answer it. */
export interface OrderView {
  orderId: string;
  orderNumber: string;
  status: OrderStatus;
  serial: string;
  model?: { code: string; name: string; family?: string } | null;
  rows: OrderRowView[];
  shippingMethod?: string;
  channel?: string;
  placedAt?: string;
  /** Channel `auto`: the device reading that triggered the order. */
  trigger?: OrderTriggerView;
  holdReason?: string;
  heldRows?: HeldRowView[];
  shipTo?: ShipTo;
  shipment?: { carrier: string; trackingNumber: string; shippedAt?: string; deliveredAt?: string };
  cancellation?: { by?: string; role?: string; reason: string; at?: string };
  /** Every status with its time, oldest first. */
  history?: StatusChange[];
}

export interface OrderPage {
  items: OrderView[];
  nextCursor?: string | null;
}

/** The body of POST /api/orders. */
export interface PlaceOrderBody {
  serial: string;
  rows: {
    reorderNumber: string;
    fullCartonsOnsite: number;
    bottlesOnsite: number;
    quantity: number;
  }[];
  shippingMethod: 'standard';
}
