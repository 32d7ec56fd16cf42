import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InvalidInputError, UnavailableError } from '@metered/service-kit';
import type { Order } from '../../domain/order';
import { UnprocessableError } from '../../errors/unprocessable.error';
import { OrdersRepository } from '../../persistence/orders.repository';
import {
  decideReplay,
  IDEMPOTENCY_KEY_PATTERN,
  isAbandoned,
  type IdempotencyClaim,
} from './domain/idempotency';
import { IdempotencyKeysRepository } from './persistence/idempotency-keys.repository';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export interface IdempotentRequest {
  accountId: string;
  key?: string;
  requestHash: string;
}

const REPLAY_WAIT_MS = 10_000;
const REPLAY_POLL_MS = 100;
const MAX_ROUNDS = 3;

/**
 * "A double click never makes two orders": the key is claimed by an insert into a unique
 * id (the only atomic check FerretDB offers) before the order is written; the claim is
 * read only when that insert finds the key taken. The loser of a
 * race waits for the winner's order and answers with it; a claim whose request was refused
 * is removed again, so a refusal leaves nothing behind.
 */
@Injectable()
export class IdempotentPlacement {
  constructor(
    private readonly keys: IdempotencyKeysRepository,
    private readonly orders: OrdersRepository,
  ) {}

  async run(
    request: IdempotentRequest,
    place: (orderId: string) => Promise<Order>,
  ): Promise<{ order: Order; replayed: boolean }> {
    if (request.key === undefined) return { order: await place(randomUUID()), replayed: false };
    const key = request.key;
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new InvalidInputError([
        { field: IDEMPOTENCY_HEADER, reason: 'at most 100 visible ASCII characters' },
      ]);
    }
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      // The insert first: a new key (the usual case) costs one command, a used one two.
      const claim: IdempotencyClaim = {
        accountId: request.accountId,
        key,
        requestHash: request.requestHash,
        orderId: randomUUID(),
        claimedAt: new Date(),
      };
      if (await this.keys.claim(claim)) {
        try {
          return { order: await place(claim.orderId), replayed: false };
        } catch (error) {
          await this.keys.release(claim);
          throw error;
        }
      }
      const existing = await this.keys.find(request.accountId, key);
      if (!existing) continue; // given up meanwhile: try to take it
      const order = await this.replay(existing, request.requestHash);
      if (order) return { order, replayed: true };
      // the claim was given up: try to take it
    }
    throw new UnavailableError(`a request with this ${IDEMPOTENCY_HEADER} is still in progress`);
  }

  /** The order of an earlier request with the key; null when that claim was given up. */
  private async replay(claim: IdempotencyClaim, requestHash: string): Promise<Order | null> {
    const decision = decideReplay(claim, requestHash);
    if (decision.kind === 'mismatch') {
      throw new UnprocessableError(
        [
          {
            field: IDEMPOTENCY_HEADER,
            reason: 'this key was already used for a different order request; use a new key',
          },
        ],
        'idempotency-key-reused',
      );
    }
    const deadline = Date.now() + REPLAY_WAIT_MS;
    for (;;) {
      const order = await this.orders.findById(decision.orderId);
      if (order) return order;
      const current = await this.keys.find(claim.accountId, claim.key);
      if (!current || current.orderId !== claim.orderId) return null;
      if (isAbandoned(current, new Date())) {
        await this.keys.release(current);
        return null;
      }
      if (Date.now() > deadline) {
        throw new UnavailableError(
          `the first request with this ${IDEMPOTENCY_HEADER} is still in progress; retry`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, REPLAY_POLL_MS));
    }
  }
}
