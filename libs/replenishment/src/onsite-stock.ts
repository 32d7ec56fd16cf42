/**
 * Onsite stock of one item at one device: full cartons and bottles the customer keeps. The
 * customer's declaration (on Order Supplies) replaces the estimate; a detected cartridge swap
 * uses one unit; a delivered order adds its units. Changes older than the latest declaration
 * are already part of what the customer counted and change nothing.
 */
export interface OnsiteStock {
  units: number;
  /** When the customer last declared the count (ISO); absent while it is only an estimate. */
  declaredAt?: string;
  /** The latest change taken into account (ISO). */
  updatedAt: string;
}

export type OnsiteChange =
  | { kind: 'declared'; units: number; at: string }
  | { kind: 'swap'; at: string }
  | { kind: 'delivered'; units: number; at: string };

export function onsiteAfter(current: OnsiteStock | undefined, change: OnsiteChange): OnsiteStock {
  const at = Date.parse(change.at);
  const declaredAt = current?.declaredAt ? Date.parse(current.declaredAt) : undefined;
  const updatedAt = latestIso(current?.updatedAt, change.at);
  if (change.kind === 'declared') {
    if (declaredAt !== undefined && at < declaredAt) return current as OnsiteStock;
    return { units: wholeUnits(change.units), declaredAt: change.at, updatedAt };
  }
  if (declaredAt !== undefined && at < declaredAt) return current as OnsiteStock;
  const units = current?.units ?? 0;
  const next = change.kind === 'swap' ? Math.max(0, units - 1) : units + wholeUnits(change.units);
  return { ...current, units: next, updatedAt };
}

/** Applies changes in time order (what a replay of the service's log would do). */
export function onsiteAfterAll(
  current: OnsiteStock | undefined,
  changes: readonly OnsiteChange[],
): OnsiteStock | undefined {
  return [...changes]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .reduce<OnsiteStock | undefined>((stock, change) => onsiteAfter(stock, change), current);
}

function wholeUnits(units: number): number {
  return Number.isFinite(units) ? Math.max(0, Math.floor(units)) : 0;
}

function latestIso(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
