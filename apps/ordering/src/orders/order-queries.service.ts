import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import { InvalidInputError } from '@metered/service-kit';
import type { Order } from './domain/order';
import { normaliseOrderNumber, ORDER_NUMBER_PATTERN } from './domain/order-number';
import { DEFAULT_ORDER_PAGE, type ListOrdersQuery } from './dto/list-orders.query';
import { accountInScope, visibleOrder } from './order-access';
import { OrderCursor, OrdersRepository } from './persistence/orders.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(order: Order): string {
  return Buffer.from(JSON.stringify([order.placedAt.toISOString(), order.orderId])).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string): OrderCursor {
  try {
    const [at, orderId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    const placedAt = new Date(at);
    if (Number.isNaN(placedAt.getTime()) || typeof orderId !== 'string') throw new Error();
    return { placedAt, orderId };
  } catch {
    throw new InvalidInputError([{ field: 'cursor', reason: 'not a cursor this API returned' }]);
  }
}

/** Order history and status for customers (their account) and staff (any, or one account). */
@Injectable()
export class OrderQueriesService {
  constructor(private readonly orders: OrdersRepository) {}

  async list(user: AuthenticatedUser, query: ListOrdersQuery) {
    const limit = query.limit ?? DEFAULT_ORDER_PAGE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const items = await this.orders.list(
      {
        accountId: accountInScope(user, query.accountId),
        serial: query.serial,
        status: query.status,
      },
      limit + 1,
      after,
    );
    const page = items.slice(0, limit);
    return {
      items: page,
      nextCursor: items.length > limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  /** By order id or by order number (what customers quote on the phone). */
  async get(user: AuthenticatedUser, ref: string): Promise<Order> {
    return visibleOrder(await this.find(ref), user, ref);
  }

  private find(ref: string): Promise<Order | null> {
    if (UUID.test(ref)) return this.orders.findById(ref.toLowerCase());
    const number = normaliseOrderNumber(ref);
    return ORDER_NUMBER_PATTERN.test(number)
      ? this.orders.findByNumber(number)
      : Promise.resolve(null);
  }
}
