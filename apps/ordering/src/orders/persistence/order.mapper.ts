import { type OutboxFields, withoutOutboxFields } from '@metered/event-platform';
import type { Order } from '../domain/order';
import type { OrderDocument } from './order.schema';

type OrderFields = Omit<OrderDocument, '_id' | keyof OutboxFields>;

export const OrderMapper = {
  toDomain(document: OrderDocument): Order {
    const { _id, ...fields } = withoutOutboxFields(document);
    return { orderId: _id, ...fields };
  },

  /** Every field but the id, dropping undefined ones (mongoose would store nulls). */
  toFields(order: Order): OrderFields {
    const { orderId: _id, ...fields } = order;
    return Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as OrderFields;
  },
};
