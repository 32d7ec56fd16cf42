import type { HeldRow } from '@metered/contracts';

export interface SenseCheckRow {
  reorderNumber: string;
  bottlesPerCarton: number;
  fullCartonsOnsite: number;
  bottlesOnsite: number;
  quantity: number;
}

/** The most bottles an account should hold of an item: an override, else N cartons' worth. */
export type AllowanceOf = (reorderNumber: string, bottlesPerCarton: number) => number;

export function defaultAllowance(
  cartons: number,
  overrides: ReadonlyMap<string, number> = new Map(),
): AllowanceOf {
  return (reorderNumber, bottlesPerCarton) =>
    overrides.get(reorderNumber) ?? cartons * bottlesPerCarton;
}

export function onsiteBottles(row: SenseCheckRow): number {
  return row.fullCartonsOnsite * row.bottlesPerCarton + row.bottlesOnsite;
}

/** Bottles of an item the serial already has on the way or received lately (0 if none). */
export type AlreadyOrderedOf = (reorderNumber: string) => number;

const NOTHING_ORDERED: AlreadyOrderedOf = () => 0;

/**
 * Metered supplies are paid per page, so over-ordering is the business risk: a row whose
 * stock onsite, plus what is already ordered for the serial (open, or delivered within the
 * allowance window), plus the quantity ordered now exceeds the item's allowance is held for
 * review. Counting what is already ordered is what stops many small orders (or many at once)
 * from adding up to more than one large one would be allowed.
 */
export function senseCheck(
  rows: readonly SenseCheckRow[],
  allowanceOf: AllowanceOf,
  alreadyOrderedOf: AlreadyOrderedOf = NOTHING_ORDERED,
): HeldRow[] {
  return rows.flatMap((row) => {
    const onsite = onsiteBottles(row);
    const already = alreadyOrderedOf(row.reorderNumber);
    const allowance = allowanceOf(row.reorderNumber, row.bottlesPerCarton);
    if (onsite + already + row.quantity <= allowance) return [];
    return [
      {
        reorderNumber: row.reorderNumber,
        onsiteBottles: onsite,
        alreadyOrderedBottles: already,
        orderedBottles: row.quantity,
        allowanceBottles: allowance,
      },
    ];
  });
}

/** The plain-language reason shown to the customer and the helpdesk. */
export function holdReason(held: readonly HeldRow[]): string {
  const parts = held.map((row) => {
    const already = row.alreadyOrderedBottles
      ? ` + ${row.alreadyOrderedBottles} already ordered (on the way or delivered lately)`
      : '';
    return `${row.reorderNumber}: ${row.onsiteBottles} onsite${already} + ${row.orderedBottles} ordered exceeds the allowance of ${row.allowanceBottles}`;
  });
  return `Held for review: more stock than expected for ${parts.join('; ')}. The Supplies Helpdesk reviews it shortly.`.slice(
    0,
    500,
  );
}
