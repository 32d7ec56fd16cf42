import { Injectable, Logger } from '@nestjs/common';
import type { AutoOrderTrigger, ReplenishmentRequestedPayload } from '@metered/contracts';
import type { EventEnvelope } from '@metered/event-platform';
import { InvalidInputError, NotFoundError } from '@metered/service-kit';
import {
  autoOrderKey,
  PlaceOrderService,
} from '../orders/commands/place-order/place-order.service';
import { IdempotencyKeysRepository } from '../orders/commands/place-order/persistence/idempotency-keys.repository';
import { OrdersRepository } from '../orders/persistence/orders.repository';
import {
  refusalReason,
  slotStanding,
  type AutoOrderSlot,
  type SlotOrder,
  type SlotStanding,
} from './domain/replenishment-decision';
import type { ReplenishmentRecord } from './domain/replenishment-record';
import { AutoOrderSlotsRepository } from './persistence/auto-order-slots.repository';
import { ReplenishmentRequestsRepository } from './persistence/replenishment-requests.repository';

/** Rounds of "read the latest slot, take the next": each lost race means another request won. */
const MAX_ROUNDS = 3;

type Decided = Omit<ReplenishmentRecord, 'decidedAt'>;

/**
 * Telemetry's ReplenishmentRequested becomes at most one automatic order (channel `auto`),
 * placed by PlaceOrderService through the rules of every order. Ordering adds one rule: never
 * two open automatic orders for the same supply (serial + reorder number), kept by a slot per
 * supply that only one request can take. Every request's outcome — placed, held, skipped
 * (an automatic order is still open) or refused (a placement rule said no) — is recorded by
 * requestId and logged; a redelivered request finds its record and changes nothing.
 */
@Injectable()
export class AutoReplenishmentService {
  private readonly logger = new Logger(AutoReplenishmentService.name);

  constructor(
    private readonly placing: PlaceOrderService,
    private readonly slots: AutoOrderSlotsRepository,
    private readonly requests: ReplenishmentRequestsRepository,
    private readonly orders: OrdersRepository,
    private readonly keys: IdempotencyKeysRepository,
  ) {}

  async onRequested({ payload }: EventEnvelope<ReplenishmentRequestedPayload>): Promise<void> {
    const done = await this.requests.find(payload.requestId);
    if (done) {
      this.logger.debug(`replenishment request ${payload.requestId} already ${done.outcome}`);
      return;
    }
    const decided = await this.decide(payload);
    await this.requests.record({ ...decided, decidedAt: new Date() });
    const what = `replenishment request ${payload.requestId} (serial ${payload.serial}, item ${payload.reorderNumber})`;
    if (decided.outcome === 'placed' || decided.outcome === 'held') {
      this.logger.log(`${what}: automatic order ${decided.orderNumber} ${decided.outcome}`);
    } else {
      this.logger.warn(`${what} ${decided.outcome}: ${decided.reason}`);
    }
  }

  private async decide(request: ReplenishmentRequestedPayload): Promise<Decided> {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const latest = await this.slots.latest(request.serial, request.reorderNumber);
      // Our own slot: an earlier delivery took it and stopped before recording (a crash).
      if (latest && latest.requestId === request.requestId && !latest.voided) {
        return this.place(request, latest);
      }
      if (latest) {
        const standing = await this.standingOf(latest);
        if (!standing.free) return this.skipped(request, standing, latest);
      }
      const slot: AutoOrderSlot = {
        serial: request.serial,
        reorderNumber: request.reorderNumber,
        generation: (latest?.generation ?? 0) + 1,
        requestId: request.requestId,
        accountId: request.accountId,
        claimedAt: new Date(),
      };
      if (await this.slots.take(slot)) return this.place(request, slot);
      // Another request took this generation meanwhile: look at what it is.
    }
    throw new Error(
      `too many automatic order requests for serial ${request.serial}, item ${request.reorderNumber} at once`,
    );
  }

  private async place(
    request: ReplenishmentRequestedPayload,
    slot: AutoOrderSlot,
  ): Promise<Decided> {
    const base = baseRecord(request);
    try {
      const { order } = await this.placing.placeAutomatic({
        accountId: request.accountId,
        serial: request.serial,
        reorderNumber: request.reorderNumber,
        quantity: request.quantity,
        trigger: base.trigger,
      });
      if (slot.orderId !== order.orderId) await this.slots.attachOrder(slot, order.orderId);
      // A replay may find the order moved on; what it was placed as is its first status.
      const placedAs = order.history[0]?.status === 'held' ? 'held' : 'placed';
      return { ...base, outcome: placedAs, orderId: order.orderId, orderNumber: order.orderNumber };
    } catch (error) {
      const reason = refusalOf(error);
      if (reason === undefined) throw error; // unavailable or broken: retried, then parked
      await this.slots.void(slot);
      return { ...base, outcome: 'refused', reason };
    }
  }

  private skipped(
    request: ReplenishmentRequestedPayload,
    standing: Extract<SlotStanding, { free: false }>,
    slot: AutoOrderSlot,
  ): Decided {
    return {
      ...baseRecord(request),
      outcome: 'skipped',
      reason: standing.reason,
      ...(slot.orderId ? { orderId: slot.orderId } : {}),
      ...(standing.orderNumber ? { orderNumber: standing.orderNumber } : {}),
    };
  }

  /** The order behind another request's slot: its own id, or its idempotency claim's. */
  private async standingOf(slot: AutoOrderSlot): Promise<SlotStanding> {
    if (slot.voided) return { free: true };
    let order: SlotOrder = { kind: 'none' };
    let orderId = slot.orderId;
    if (!orderId) {
      const claim = await this.keys.find(slot.accountId, autoOrderKey(slot.requestId));
      if (claim) {
        orderId = claim.orderId;
        order = { kind: 'claimed', claimedAt: claim.claimedAt };
      }
    }
    if (orderId) {
      const found = await this.orders.findById(orderId);
      if (found) order = { kind: 'order', orderNumber: found.orderNumber, status: found.status };
    }
    return slotStanding(slot, order, new Date());
  }
}

function baseRecord(request: ReplenishmentRequestedPayload): Omit<Decided, 'outcome'> {
  // Plain data (the payload's classes are instances): stored on the order and in its events.
  const trigger: AutoOrderTrigger = structuredClone({
    requestId: request.requestId,
    ...request.trigger,
  });
  return {
    requestId: request.requestId,
    accountId: request.accountId,
    serial: request.serial,
    reorderNumber: request.reorderNumber,
    quantity: request.quantity,
    trigger,
    requestedAt: new Date(request.requestedAt),
  };
}

/** A placement rule's refusal as a sentence; undefined for anything that is not a refusal. */
function refusalOf(error: unknown): string | undefined {
  if (error instanceof InvalidInputError) return refusalReason(error.problems);
  if (error instanceof NotFoundError) return error.message;
  return undefined;
}
