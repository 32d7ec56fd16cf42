import type { OrderStatus } from '@metered/contracts';

/**
 * The rules of automatic replenishment that ordering adds to the rules of any order: never two
 * open automatic orders for the same supply (serial + reorder number), and what is recorded
 * for each ReplenishmentRequested. Pure: the service reads, this decides.
 */

/** Statuses in which an order still counts as "on its way": the supply is covered. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = [
  'placed',
  'held',
  'released',
  'shipped',
];

export function isOpen(status: OrderStatus): boolean {
  return OPEN_ORDER_STATUSES.includes(status);
}

/**
 * How long a slot (or an idempotency claim) with no order yet blocks the supply: the request
 * that took it is being placed; after this it is taken for dead (its process died) and the
 * supply is free again. The same figure as an abandoned Idempotency-Key claim.
 */
export const SLOT_IN_PROGRESS_MS = 30_000;

/**
 * One generation of a supply's automatic-order slot: the request that took it, and the order
 * it made once known. Generations only grow; taking one is an insert into a unique id, so of
 * two requests for the same supply exactly one gets the next generation.
 */
export interface AutoOrderSlot {
  serial: string;
  reorderNumber: string;
  generation: number;
  requestId: string;
  accountId: string;
  claimedAt: Date;
  orderId?: string;
  /** The request was refused: the slot never held an order and blocks nothing. */
  voided?: boolean;
}

/** What the slot's request turned into, as far as the service could find out. */
export type SlotOrder =
  | { kind: 'order'; orderNumber: string; status: OrderStatus }
  /** An idempotency claim exists but its order is not written yet. */
  | { kind: 'claimed'; claimedAt: Date }
  | { kind: 'none' };

export type SlotStanding = { free: true } | { free: false; reason: string; orderNumber?: string };

/** Whether a slot taken by another request keeps this supply from a new automatic order. */
export function slotStanding(slot: AutoOrderSlot, order: SlotOrder, now: Date): SlotStanding {
  if (slot.voided) return { free: true };
  const supply = `serial ${slot.serial}, item ${slot.reorderNumber}`;
  switch (order.kind) {
    case 'order':
      return isOpen(order.status)
        ? {
            free: false,
            orderNumber: order.orderNumber,
            reason: `automatic order ${order.orderNumber} for ${supply} is still open (${order.status})`,
          }
        : { free: true };
    case 'claimed':
    case 'none': {
      const since = order.kind === 'claimed' ? order.claimedAt : slot.claimedAt;
      return now.getTime() - since.getTime() > SLOT_IN_PROGRESS_MS
        ? { free: true }
        : {
            free: false,
            reason: `automatic order request ${slot.requestId} for ${supply} is still being placed`,
          };
    }
  }
}

/** What became of one ReplenishmentRequested. */
export type ReplenishmentOutcomeKind =
  /** An order was placed (`placed`) or placed and held for review (`held`). */
  | 'placed'
  | 'held'
  /** Not ordered: an automatic order for the supply is still open. */
  | 'skipped'
  /** Not ordered: a rule of ordering refused it (no current contract, item not of the serial…). */
  | 'refused';

/** "serial: …; rows.0.reorderNumber: …" — the refusal as the placement rules worded it. */
export function refusalReason(problems: readonly { field: string; reason: string }[]): string {
  return problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; ');
}
