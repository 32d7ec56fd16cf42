import { createHash } from 'node:crypto';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,100}$/;

/** What makes two requests "the same": who orders, for which serial, what and how. */
export interface IdempotentRequest {
  accountId: string;
  serial: string;
  rows: readonly {
    reorderNumber: string;
    fullCartonsOnsite: number;
    bottlesOnsite: number;
    quantity: number;
  }[];
  shippingMethod: string;
}

/** A stable hash of the request (field order and defaults normalised), never of raw JSON text. */
export function requestHash(request: IdempotentRequest): string {
  const canonical = JSON.stringify([
    request.accountId,
    request.serial,
    request.shippingMethod,
    request.rows.map((row) => [
      row.reorderNumber,
      row.fullCartonsOnsite,
      row.bottlesOnsite,
      row.quantity,
    ]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** A key remembered with the first request that used it. */
export interface IdempotencyClaim {
  accountId: string;
  key: string;
  requestHash: string;
  orderId: string;
  claimedAt: Date;
}

export type ReplayDecision =
  /** The same request again: answer with the order it made. */
  | { kind: 'replay'; orderId: string }
  /** The key was used for another request: refuse, naming the header. */
  | { kind: 'mismatch' };

export function decideReplay(claim: IdempotencyClaim, incomingHash: string): ReplayDecision {
  return claim.requestHash === incomingHash
    ? { kind: 'replay', orderId: claim.orderId }
    : { kind: 'mismatch' };
}

/**
 * A claim whose order never appeared (the process died between the two inserts) may be
 * taken over after this long; until then the second request waits for the first.
 */
export const ABANDONED_CLAIM_MS = 30_000;

export function isAbandoned(claim: IdempotencyClaim, now: Date): boolean {
  return now.getTime() - claim.claimedAt.getTime() > ABANDONED_CLAIM_MS;
}
