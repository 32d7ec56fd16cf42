/** An ops/admin override of the sense-check allowance for one item. */
export interface AllowanceOverride {
  reorderNumber: string;
  allowanceBottles: number;
  updatedBy: string;
  updatedAt: Date;
}
