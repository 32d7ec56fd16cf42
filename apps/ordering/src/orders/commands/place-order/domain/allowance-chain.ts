import type { OrderStatus } from '@metered/contracts';

/**
 * The allowance is cumulative: units a serial already has on the way (open orders) or
 * received lately (delivered within the window) count against it. Two placements for one
 * serial must therefore never decide on the same picture of what is already ordered, and
 * FerretDB gives us one atomic check only: an insert into a unique index.
 *
 * So every order that consumes allowance takes the next position of its serial's chain
 * (`<serial>#<seq>`, unique). Placement reads the serial's live orders (one query by
 * equality), decides, and inserts at 1 + the highest position it saw. A concurrent placement
 * that decided on the same picture wants the same position and loses the insert; it reads
 * the winner and decides again. Held orders take no position: holding never consumes
 * allowance, so a hold decided on an old picture is still safe.
 */

/** What placement needs to know of an earlier order of the same serial. */
export interface ChainEntry {
  orderId: string;
  /** Chain position; absent for held orders and for orders placed before the chain existed. */
  seq?: number;
  status: OrderStatus;
  rows: readonly { reorderNumber: string; quantity: number }[];
  deliveredAt?: Date;
}

/** Units on the way: accepted and not delivered. Held orders wait for a person to decide. */
const OPEN: readonly OrderStatus[] = ['placed', 'released', 'shipped'];
const DAY_MS = 86_400_000;

export function chainLink(serial: string, seq: number): string {
  return `${serial}#${seq}`;
}

/** The unique link value of an order that holds no chain position (held, or from before). */
export function unchainedLink(orderId: string): string {
  return `order:${orderId}`;
}

function deliveredWithin(entry: ChainEntry, now: Date, windowDays: number): boolean {
  if (entry.status !== 'delivered' || !entry.deliveredAt) return false;
  return now.getTime() - entry.deliveredAt.getTime() < windowDays * DAY_MS;
}

/** Whether the entry's units count against the allowance now. */
export function counts(entry: ChainEntry, now: Date, windowDays: number): boolean {
  return OPEN.includes(entry.status) || deliveredWithin(entry, now, windowDays);
}

/** Bottles per item already ordered for the serial: open, or delivered within the window. */
export function alreadyOrdered(
  entries: readonly ChainEntry[],
  now: Date,
  windowDays: number,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of entries) {
    if (!counts(entry, now, windowDays)) continue;
    for (const row of entry.rows) {
      totals.set(row.reorderNumber, (totals.get(row.reorderNumber) ?? 0) + row.quantity);
    }
  }
  return totals;
}

/**
 * Where a new order goes: a placed one takes the next position (the unique, race-free step);
 * a held one consumes no allowance and needs none, but stays live, since a release makes it
 * count.
 */
export function positionFor(
  serial: string,
  orderId: string,
  status: 'placed' | 'held',
  entries: readonly ChainEntry[],
): { link: string; seq?: number; live: string } {
  if (status === 'held') return { link: unchainedLink(orderId), live: serial };
  const seq = nextSeq(entries);
  return { link: chainLink(serial, seq), seq, live: serial };
}

/** The position a new allowance-consuming order takes: after the highest one seen. */
export function nextSeq(entries: readonly ChainEntry[]): number {
  return entries.reduce((highest, entry) => Math.max(highest, entry.seq ?? 0), 0) + 1;
}

/**
 * Entries that can leave the live set for good: cancelled, or delivered before the window.
 * Both are final. The highest position stays, even when final: it is what tells the next
 * placement where the chain continues (otherwise it would walk the chain by failed inserts).
 */
export function leftForGood(
  entries: readonly ChainEntry[],
  now: Date,
  windowDays: number,
): ChainEntry[] {
  const head = nextSeq(entries) - 1;
  return entries.filter(
    (entry) =>
      (entry.seq === undefined || entry.seq < head) &&
      (entry.status === 'cancelled' ||
        (entry.status === 'delivered' && !deliveredWithin(entry, now, windowDays))),
  );
}
