import { Schema } from 'mongoose';
import { OutboxFields, outboxPlugin } from '@metered/event-platform';
import type { Order } from '../domain/order';

export const ORDERS_COLLECTION = 'orders';
export const ORDER_MODEL = 'Order';

export interface OrderDocument extends Omit<Order, 'orderId' | 'allowanceChain'>, OutboxFields {
  _id: string;
  /** The allowance chain, flat so that FerretDB pushes the equality filters down. */
  chainLink?: string;
  chainSeq?: number;
  chainLive?: string;
}

const StatusChangeSchema = new Schema(
  {
    status: { type: String, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    note: { type: String },
  },
  { _id: false },
);

/**
 * One document per order, carrying its own events (embedded outbox): the order and its
 * `OrderPlaced`/`OrderHeld` are one insert, every later change one conditional update.
 * Snapshot parts (model, ship-to, rows) were validated as event payloads and are kept as is.
 */
export const OrderSchema = new Schema<OrderDocument>(
  {
    _id: { type: String, required: true },
    orderNumber: { type: String, required: true },
    accountId: { type: String, required: true },
    company: { type: String, required: true },
    country: { type: String, required: true },
    serial: { type: String, required: true },
    model: { type: Schema.Types.Mixed, required: true },
    shipTo: { type: Schema.Types.Mixed, required: true },
    rows: { type: Schema.Types.Mixed, required: true },
    channel: { type: String, required: true },
    shippingMethod: { type: String, required: true },
    placedBy: { type: String, required: true },
    placedAt: { type: Date, required: true },
    status: { type: String, required: true },
    history: { type: [StatusChangeSchema], default: [] },
    holdReason: { type: String },
    heldRows: { type: Schema.Types.Mixed },
    cancellation: { type: Schema.Types.Mixed },
    release: { type: Schema.Types.Mixed },
    shipment: { type: Schema.Types.Mixed },
    trigger: { type: Schema.Types.Mixed },
    chainLink: { type: String },
    chainSeq: { type: Number },
    chainLive: { type: String },
  },
  // Indexes are created by OrdersChainSetup once orders from before the chain have a link:
  // the unique chainLink index cannot be built while several documents lack the field.
  { versionKey: false, collection: ORDERS_COLLECTION, autoIndex: false },
);
OrderSchema.plugin(outboxPlugin);
// Human-friendly numbers are random; this index is what makes them unique.
OrderSchema.index({ orderNumber: 1 }, { unique: true });
// Order history: one account's (or everyone's) orders, newest first.
OrderSchema.index({ accountId: 1, placedAt: -1 });
OrderSchema.index({ placedAt: -1 });
OrderSchema.index({ serial: 1, placedAt: -1 });
// The allowance chain: one order per position of a serial (the race-free step of the
// cumulative allowance), and the serial's orders that may still count, found by equality.
OrderSchema.index({ chainLink: 1 }, { unique: true });
OrderSchema.index({ chainLive: 1 });
