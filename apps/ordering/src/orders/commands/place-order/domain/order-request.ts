import type { HeldRow, OrderChannel, ShippingMethod } from '@metered/contracts';
import { findCountry, formatPrompts } from '@metered/contracts/reference';
import {
  calendarDay,
  isCoveredOn,
  type SerialView,
} from '../../../../read-models/domain/serial-view';
import type { OrderRow } from '../../../domain/order';
import { holdReason, senseCheck, type AllowanceOf, type AlreadyOrderedOf } from './sense-check';

export const MAX_ROWS = 20;

export interface RequestedRow {
  reorderNumber: string;
  fullCartonsOnsite: number;
  bottlesOnsite: number;
  quantity: number;
}

export interface OrderRequest {
  rows: readonly RequestedRow[];
  shippingMethod?: ShippingMethod;
}

export interface OrderContext {
  channel: OrderChannel;
  now: Date;
  /** Per-row maximum: this many cartons' worth of the item. */
  maxCartonsPerRow: number;
  allowanceOf: AllowanceOf;
  /** Bottles per item already ordered for the serial (see allowance-chain.ts); none if absent. */
  alreadyOrderedOf?: AlreadyOrderedOf;
}

export interface Problem {
  field: string;
  reason: string;
}

export type OrderDecision =
  | { ok: false; kind: 'invalid'; problems: Problem[] }
  | { ok: false; kind: 'not-covered'; message: string }
  | {
      ok: true;
      rows: OrderRow[];
      shippingMethod: ShippingMethod;
      status: 'placed' | 'held';
      holdReason?: string;
      heldRows?: HeldRow[];
    };

/** "Call the Supplies Helpdesk at 1-800-275-9376 (prompts: 1, 3, 3)" for the device's country. */
export function helpdeskLine(country: string | undefined): string {
  const found = findCountry(country) ?? findCountry('US');
  return found ? `${found.helpdesk.phone}${formatPrompts(found.helpdesk)}` : '';
}

export const STORE_OR_PARTNER_ADVICE =
  "Supplies can be ordered only for devices with a current Metered Supplies contract; please buy consumables from the vendor's online store or an authorised partner.";

function rowProblems(
  row: RequestedRow,
  index: number,
  view: SerialView,
  maxCartons: number,
  seen: Map<string, number>,
): Problem[] {
  const field = (name: string) => `rows.${index}.${name}`;
  const item = view.supplyItems.find((candidate) => candidate.reorderNumber === row.reorderNumber);
  if (!item) {
    return [
      {
        field: field('reorderNumber'),
        reason: `${row.reorderNumber} is not an item of serial ${view.serial}`,
      },
    ];
  }
  const first = seen.get(row.reorderNumber);
  if (first !== undefined) {
    return [
      {
        field: field('reorderNumber'),
        reason: `${row.reorderNumber} is already ordered in rows.${first}`,
      },
    ];
  }
  seen.set(row.reorderNumber, index);
  const max = maxCartons * item.bottlesPerCarton;
  if (row.quantity > max) {
    return [
      {
        field: field('quantity'),
        reason: `at most ${max} per order (${maxCartons} cartons of ${item.bottlesPerCarton})`,
      },
    ];
  }
  return [];
}

/**
 * Every rule an order must pass, in one place and for both channels (web and helpdesk): the
 * contract covers the order day, every row's item is tied to the serial, once, within its
 * maximum; online orders ship standard. Whole, non-negative numbers are checked at the edge.
 * Then the consumption sense check decides placed or held, counting what is already ordered.
 */
export function decideOrder(
  request: OrderRequest,
  view: SerialView,
  context: OrderContext,
): OrderDecision {
  if (!isCoveredOn(view.contract, calendarDay(context.now))) {
    return {
      ok: false,
      kind: 'not-covered',
      message: `Serial ${view.serial} has no current Metered Supplies contract. ${STORE_OR_PARTNER_ADVICE}`,
    };
  }
  const problems: Problem[] = [];
  const shippingMethod = request.shippingMethod ?? 'standard';
  if (shippingMethod === 'expedited' && context.channel === 'web') {
    problems.push({
      field: 'shippingMethod',
      reason: `Expedited shipping is not available online: call the Supplies Helpdesk at ${helpdeskLine(view.country)}`,
    });
  }
  if (request.rows.length < 1 || request.rows.length > MAX_ROWS) {
    problems.push({ field: 'rows', reason: `an order has 1 to ${MAX_ROWS} rows` });
  }
  const seen = new Map<string, number>();
  request.rows.forEach((row, index) =>
    problems.push(...rowProblems(row, index, view, context.maxCartonsPerRow, seen)),
  );
  if (problems.length > 0) return { ok: false, kind: 'invalid', problems };

  const rows: OrderRow[] = request.rows.map((row) => {
    const item = view.supplyItems.find(
      (candidate) => candidate.reorderNumber === row.reorderNumber,
    )!;
    return {
      reorderNumber: item.reorderNumber,
      description: item.description,
      kind: item.kind as OrderRow['kind'],
      bottlesPerCarton: item.bottlesPerCarton,
      fullCartonsOnsite: row.fullCartonsOnsite,
      bottlesOnsite: row.bottlesOnsite,
      quantity: row.quantity,
    };
  });
  const heldRows = senseCheck(rows, context.allowanceOf, context.alreadyOrderedOf);
  if (heldRows.length === 0) return { ok: true, rows, shippingMethod, status: 'placed' };
  return {
    ok: true,
    rows,
    shippingMethod,
    status: 'held',
    holdReason: holdReason(heldRows),
    heldRows,
  };
}
