import type { SUPPLY_KINDS } from '@metered/contracts';

export type SupplyKind = (typeof SUPPLY_KINDS)[number];

/** A consumable that can be ordered for devices of the compatible models. */
export interface SupplyItem {
  /** Upper case, e.g. `TK-5240K`. */
  reorderNumber: string;
  description: string;
  kind: SupplyKind;
  /** Bottles (or units) in one full carton. */
  bottlesPerCarton: number;
  /** Codes of the device models it fits. */
  compatibleModels: string[];
}
