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

/**
 * Metered supplies are paid per page, so over-ordering is the business risk: a row whose
 * stock onsite plus the quantity ordered exceeds the item's allowance is held for review.
 */
export function senseCheck(rows: readonly SenseCheckRow[], allowanceOf: AllowanceOf): HeldRow[] {
  return rows.flatMap((row) => {
    const onsite = onsiteBottles(row);
    const allowance = allowanceOf(row.reorderNumber, row.bottlesPerCarton);
    if (onsite + row.quantity <= allowance) return [];
    return [
      {
        reorderNumber: row.reorderNumber,
        onsiteBottles: onsite,
        orderedBottles: row.quantity,
        allowanceBottles: allowance,
      },
    ];
  });
}

/** The plain-language reason shown to the customer and the helpdesk. */
export function holdReason(held: readonly HeldRow[]): string {
  const parts = held.map(
    (row) =>
      `${row.reorderNumber}: ${row.onsiteBottles} onsite + ${row.orderedBottles} ordered exceeds the allowance of ${row.allowanceBottles}`,
  );
  return `Held for review: more stock than expected for ${parts.join('; ')}. The Supplies Helpdesk reviews it shortly.`.slice(
    0,
    500,
  );
}
