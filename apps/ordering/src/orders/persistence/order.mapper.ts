import { type OutboxFields, withoutOutboxFields } from '@metered/event-platform';
import type { Order } from '../domain/order';
import type { OrderDocument } from './order.schema';

type OrderFields = Omit<OrderDocument, '_id' | keyof OutboxFields>;

export const OrderMapper = {
  toDomain(document: OrderDocument): Order {
    const { _id, chainLink, chainSeq, chainLive, ...fields } = withoutOutboxFields(document);
    return {
      orderId: _id,
      ...fields,
      ...(chainLink === undefined
        ? {}
        : {
            allowanceChain: {
              link: chainLink,
              ...(chainSeq === undefined ? {} : { seq: chainSeq }),
              ...(chainLive === undefined ? {} : { live: chainLive }),
            },
          }),
    };
  },

  /** Every field but the id, dropping undefined ones (mongoose would store nulls). */
  toFields(order: Order): OrderFields {
    const { orderId: _id, allowanceChain, ...fields } = order;
    const flat = {
      ...fields,
      chainLink: allowanceChain?.link,
      chainSeq: allowanceChain?.seq,
      chainLive: allowanceChain?.live,
    };
    return Object.fromEntries(
      Object.entries(flat).filter(([, value]) => value !== undefined),
    ) as OrderFields;
  },
};
