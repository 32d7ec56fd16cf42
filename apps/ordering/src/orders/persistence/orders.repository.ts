import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { OrderStatus } from '@metered/contracts';
import { EventOutbox, OutgoingEvent, WITHOUT_OUTBOX_FIELDS } from '@metered/event-platform';
import type { ChainEntry } from '../commands/place-order/domain/allowance-chain';
import type { Order } from '../domain/order';
import { OrderMapper } from './order.mapper';
import { ORDER_MODEL, OrderDocument } from './order.schema';

export interface OrderFilter {
  accountId?: string;
  serial?: string;
  status?: OrderStatus;
}

/** Position after the last order of a page (newest first). */
export interface OrderCursor {
  placedAt: Date;
  orderId: string;
}

export type InsertOutcome =
  | 'inserted'
  | 'duplicate-order-id'
  | 'duplicate-order-number'
  /** Another order took the chain position first: here it is, to decide again. */
  | { chainTaken: ChainEntry };

export type OrderChange = { next: Order; events: readonly OutgoingEvent[] } | null;

export abstract class OrdersRepository {
  /** The order and its first event(s) in one insert. */
  abstract insert(order: Order, events: readonly OutgoingEvent[]): Promise<InsertOutcome>;
  /** The serial's orders that may count against the allowance, and its chain head (one query). */
  abstract liveChain(serial: string): Promise<ChainEntry[]>;
  /** Takes final orders (cancelled, delivered long ago) out of their serial's live set. */
  abstract unlink(entries: readonly ChainEntry[]): Promise<void>;
  abstract findById(orderId: string): Promise<Order | null>;
  abstract findByNumber(orderNumber: string): Promise<Order | null>;
  abstract list(filter: OrderFilter, limit: number, after?: OrderCursor): Promise<Order[]>;
  /**
   * Changes an order if its status is still the one `decide` saw (checked under the
   * document's lock by EventOutbox.update). Returns the order afterwards; null when missing.
   */
  abstract change(orderId: string, decide: (current: Order) => OrderChange): Promise<Order | null>;
}

const DUPLICATE_KEY = 11000;
const WITHOUT_OUTBOX = WITHOUT_OUTBOX_FIELDS;
const MAX_CHANGE_ATTEMPTS = 5;
/** What placement reads of a serial's live orders: no outbox, no snapshot parts. */
const CHAIN_FIELDS = { _id: 1, chainSeq: 1, status: 1, rows: 1, shipment: 1 } as const;

type ChainDocument = Pick<OrderDocument, '_id' | 'chainSeq' | 'status' | 'rows' | 'shipment'>;

function toChainEntry(document: ChainDocument): ChainEntry {
  return {
    orderId: document._id,
    ...(document.chainSeq === undefined ? {} : { seq: document.chainSeq }),
    status: document.status,
    rows: document.rows.map((row) => ({
      reorderNumber: row.reorderNumber,
      quantity: row.quantity,
    })),
    ...(document.shipment?.deliveredAt ? { deliveredAt: document.shipment.deliveredAt } : {}),
  };
}

@Injectable()
export class MongoOrdersRepository extends OrdersRepository {
  constructor(
    @InjectModel(ORDER_MODEL) private readonly model: Model<OrderDocument>,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async insert(order: Order, events: readonly OutgoingEvent[]): Promise<InsertOutcome> {
    try {
      await this.outbox.insert(
        this.model,
        { _id: order.orderId, ...OrderMapper.toFields(order) },
        events,
      );
      return 'inserted';
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      // FerretDB does not always say which index refused: ask. Under concurrency the chain
      // position is the likely one, and its holder is what the caller needs next.
      const link = order.allowanceChain?.link;
      const holder = link
        ? await this.model.findOne({ chainLink: link }, CHAIN_FIELDS).lean<ChainDocument>()
        : null;
      if (holder && holder._id !== order.orderId) return { chainTaken: toChainEntry(holder) };
      if (holder) return 'duplicate-order-id';
      const existing = await this.model.exists({ _id: order.orderId });
      return existing ? 'duplicate-order-id' : 'duplicate-order-number';
    }
  }

  async liveChain(serial: string): Promise<ChainEntry[]> {
    const documents = await this.model
      .find({ chainLive: serial }, CHAIN_FIELDS)
      .lean<ChainDocument[]>();
    return documents.map(toChainEntry);
  }

  async unlink(entries: readonly ChainEntry[]): Promise<void> {
    // One by one: FerretDB pushes an _id equality down, not an $in. Only final statuses, so
    // an order that is still moving keeps counting.
    for (const entry of entries) {
      await this.model.updateOne(
        { _id: entry.orderId, status: entry.status },
        { $unset: { chainLive: 1 } },
      );
    }
  }

  async findById(orderId: string): Promise<Order | null> {
    const document = await this.model.findById(orderId, WITHOUT_OUTBOX).lean<OrderDocument>();
    return document ? OrderMapper.toDomain(document) : null;
  }

  async findByNumber(orderNumber: string): Promise<Order | null> {
    const document = await this.model
      .findOne({ orderNumber }, WITHOUT_OUTBOX)
      .lean<OrderDocument>();
    return document ? OrderMapper.toDomain(document) : null;
  }

  async list(filter: OrderFilter, limit: number, after?: OrderCursor): Promise<Order[]> {
    const query: FilterQuery<OrderDocument> = {};
    if (filter.accountId) query.accountId = filter.accountId;
    if (filter.serial) query.serial = filter.serial;
    if (filter.status) query.status = filter.status;
    if (after) {
      query.$or = [
        { placedAt: { $lt: after.placedAt } },
        { placedAt: after.placedAt, _id: { $lt: after.orderId } },
      ];
    }
    const documents = await this.model
      .find(query, WITHOUT_OUTBOX)
      .sort({ placedAt: -1, _id: -1 })
      .limit(limit)
      .lean<OrderDocument[]>();
    return documents.map((document) => OrderMapper.toDomain(document));
  }

  async change(orderId: string, decide: (current: Order) => OrderChange): Promise<Order | null> {
    for (let attempt = 1; attempt <= MAX_CHANGE_ATTEMPTS; attempt++) {
      const current = await this.findById(orderId);
      if (!current) return null;
      const change = decide(current);
      if (!change) return current;
      const updated = await this.outbox.update(
        this.model,
        { _id: orderId, status: current.status },
        { $set: OrderMapper.toFields(change.next) },
        change.events,
      );
      if (updated) return change.next;
      // Someone changed the status meanwhile: decide again on what is there now.
    }
    throw new Error(`order ${orderId} kept changing under us; try again`);
  }
}
