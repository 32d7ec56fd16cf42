import type {
  AutoOrderTrigger,
  DeviceModelSummary,
  HeldRow,
  OrderChannel,
  OrderRowSnapshot,
  OrderStatus,
  ShippingMethod,
  ShipToAddress,
} from '@metered/contracts';

export type OrderRow = OrderRowSnapshot;

/** One step of an order's life, shown to the customer as its history. */
export interface StatusChange {
  status: OrderStatus;
  at: Date;
  /** User id (or `fulfilment` for warehouse events). */
  by: string;
  note?: string;
}

export interface Shipment {
  carrier: string;
  trackingNumber: string;
  shippedAt: Date;
  deliveredAt?: Date;
}

/** An order of supplies for one serial; everything its events carry, plus its history. */
export interface Order {
  orderId: string;
  orderNumber: string;
  accountId: string;
  company: string;
  country: string;
  serial: string;
  model: DeviceModelSummary;
  shipTo: ShipToAddress;
  rows: OrderRow[];
  channel: OrderChannel;
  shippingMethod: ShippingMethod;
  placedBy: string;
  placedAt: Date;
  status: OrderStatus;
  history: StatusChange[];
  holdReason?: string;
  heldRows?: HeldRow[];
  cancellation?: { by: string; role: 'customer' | 'helpdesk'; reason: string; at: Date };
  release?: { by: string; at: Date; note?: string };
  shipment?: Shipment;
  /** Channel `auto` only: the telemetry reading that triggered it. */
  trigger?: AutoOrderTrigger;
  /** Where the order stands in its serial's allowance chain (absent on orders from before). */
  allowanceChain?: AllowanceChainPosition;
}

/**
 * Persistence of the cumulative allowance rule (see place-order/domain/allowance-chain.ts);
 * never part of an event or an answer.
 */
export interface AllowanceChainPosition {
  /** Unique: `<serial>#<seq>` for an order that consumed allowance, else `order:<orderId>`. */
  link: string;
  seq?: number;
  /** The serial while the order may count against the allowance; gone once it never can. */
  live?: string;
}
