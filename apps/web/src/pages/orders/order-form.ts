import { FieldProblem } from '../../api/api-client';
import { sentence } from '../../forms/field-errors';
import { CatalogItem, PlaceOrderBody } from './order-types';

/** The three numbers of an order row, named as the API names them. */
export const ROW_FIELDS = ['fullCartonsOnsite', 'bottlesOnsite', 'quantity'] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** An order row as typed: the numbers stay text until sent, so "1.5" can be told apart from "". */
export interface OrderRowDraft {
  key: number;
  item: CatalogItem;
  values: Record<RowField, string>;
}

export type RowErrors = Partial<Record<RowField | 'item', string[]>>;

export interface OrderErrors {
  /** Per row (by its key), per field. */
  rows: Record<number, RowErrors>;
  /** Problems with the order as a whole (serial, no rows, duplicates, shipping, …). */
  other: string[];
}

export const NO_ORDER_ERRORS: OrderErrors = { rows: {}, other: [] };

let nextRowKey = 1;

/** A new, empty row for an item; an item already in the order is not added twice. */
export function addRow(rows: readonly OrderRowDraft[], item: CatalogItem): OrderRowDraft[] {
  if (rows.some((row) => row.item.reorderNumber === item.reorderNumber)) return [...rows];
  const values = { fullCartonsOnsite: '', bottlesOnsite: '', quantity: '' };
  return [...rows, { key: nextRowKey++, item, values }];
}

const MISSING: Record<RowField, string> = {
  fullCartonsOnsite: 'Enter the number of full cartons you have onsite (0 if none).',
  bottlesOnsite: 'Enter the number of individual bottles you have onsite (0 if none).',
  quantity: 'Enter the quantity to order.',
};

/**
 * Turns the typed rows into the request body. The page checks only what it cannot send
 * (empty or not a whole number); limits and every other rule are the ordering service's,
 * and its 400 answer names the row and field.
 */
export function prepareOrder(
  serial: string,
  rows: readonly OrderRowDraft[],
): { body: PlaceOrderBody; errors: OrderErrors } {
  const errors: OrderErrors = { rows: {}, other: [] };
  const bodyRows = rows.map((row) => {
    const numbers = {} as Record<RowField, number>;
    for (const field of ROW_FIELDS) {
      const text = row.values[field].trim();
      if (!text) addRowProblem(errors, row.key, field, MISSING[field]);
      else if (!/^\d+$/.test(text))
        addRowProblem(errors, row.key, field, 'Enter a whole number, like 2.');
      numbers[field] = Number(text);
    }
    return { reorderNumber: row.item.reorderNumber, ...numbers };
  });
  if (!rows.length) errors.other.push('Choose at least one item to order.');
  return { body: { serial, rows: bodyRows, shippingMethod: 'standard' }, errors };
}

export function countOrderProblems(errors: OrderErrors): number {
  const rowProblems = Object.values(errors.rows).reduce(
    (sum, fields) => sum + Object.values(fields).filter((list) => list?.length).length,
    0,
  );
  return rowProblems + errors.other.length;
}

/**
 * Places the API's `errors[{field: "rows.1.quantity", reason}]` at the row that was sent
 * second (`rowKeys[1]`) and its field; anything else goes to the summary in plain words.
 */
export function placeOrderProblems(
  problems: readonly FieldProblem[],
  rowKeys: readonly number[],
): OrderErrors {
  const errors: OrderErrors = { rows: {}, other: [] };
  for (const { field, reason } of problems) {
    const match = /^rows\.(\d+)(?:\.(\w+))?$/.exec(field);
    const key = match ? rowKeys[Number(match[1])] : undefined;
    if (match && key !== undefined) {
      const named = match[2] as RowField | 'reorderNumber' | undefined;
      const rowField = named && (ROW_FIELDS as readonly string[]).includes(named) ? named : 'item';
      addRowProblem(errors, key, rowField as RowField | 'item', sentence(reason));
    } else {
      errors.other.push(describeOrderProblem(field, reason));
    }
  }
  return errors;
}

function describeOrderProblem(field: string, reason: string): string {
  if (field === 'rows') return sentence(reason);
  if (field === 'serial') return `Serial number: ${sentence(reason)}`;
  if (field === 'shippingMethod') return `Shipping: ${sentence(reason)}`;
  return field ? `${field}: ${sentence(reason)}` : sentence(reason);
}

function addRowProblem(
  errors: OrderErrors,
  key: number,
  field: RowField | 'item',
  message: string,
): void {
  const row = (errors.rows[key] ??= {});
  (row[field] ??= []).push(message);
}

/** Bottles already onsite for a row as typed, or null while the numbers are incomplete. */
export function onsiteBottles(row: OrderRowDraft): number | null {
  const cartons = row.values.fullCartonsOnsite.trim();
  const bottles = row.values.bottlesOnsite.trim();
  if (!/^\d+$/.test(cartons) || !/^\d+$/.test(bottles)) return null;
  return Number(cartons) * row.item.bottlesPerCarton + Number(bottles);
}
