import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { OrderStatus } from '@metered/contracts';
import { unchainedLink } from '../commands/place-order/domain/allowance-chain';
import { ORDER_MODEL, OrderDocument } from './order.schema';

/** Orders from before the chain whose units may still count (delivered: until the window). */
const MAY_COUNT: readonly OrderStatus[] = ['placed', 'held', 'released', 'shipped', 'delivered'];

/**
 * Gives orders placed before the allowance chain existed a link of their own (so the unique
 * chainLink index can be built: neither FerretDB nor MongoDB lets several documents share a
 * missing key, and FerretDB has no partial indexes) and puts those that may still count in
 * their serial's live set, then builds the orders indexes. Runs at every start before the
 * API listens; idempotent, so replicas starting together do the same harmless writes.
 *
 * During a rolling update an old replica's order (no link) would fail its insert once a
 * second such order exists: roll ordering out with the Recreate strategy, or accept a few
 * 503s (the client retries) for the length of the roll.
 */
@Injectable()
export class OrdersChainSetup implements OnModuleInit {
  private readonly logger = new Logger(OrdersChainSetup.name);

  constructor(@InjectModel(ORDER_MODEL) private readonly model: Model<OrderDocument>) {}

  async onModuleInit(): Promise<void> {
    const legacy = await this.model
      .find({ chainLink: { $exists: false } }, { _id: 1, serial: 1, status: 1 })
      .lean<Pick<OrderDocument, '_id' | 'serial' | 'status'>[]>();
    for (const order of legacy) {
      await this.model.updateOne(
        { _id: order._id, chainLink: { $exists: false } },
        {
          $set: {
            chainLink: unchainedLink(order._id),
            ...(MAY_COUNT.includes(order.status) ? { chainLive: order.serial } : {}),
          },
        },
      );
    }
    if (legacy.length > 0) {
      this.logger.log(`linked ${legacy.length} orders from before the allowance chain`);
    }
    await this.model.createIndexes();
  }
}
