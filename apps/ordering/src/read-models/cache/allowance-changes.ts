import type { StaffActionRecordedPayload } from '@metered/contracts';
import type { FedCacheRules } from '@metered/event-platform';
import type { AllowanceOverride } from '../../allowances/domain/allowance';

/** The audit action of an allowance override (AllowancesService.set). */
export const ALLOWANCE_CHANGED = 'allowance.changed';

/** An item's override as cached: null when the item has none (the default applies). */
export type CachedAllowance = AllowanceOverride | null;

export interface AllowanceChange {
  reorderNumber: string;
  allowanceBottles: number;
  updatedBy: string;
  at: Date;
}

/** The allowance change an audit record tells of; null for every other staff action. */
export function allowanceChangeOf(audit: StaffActionRecordedPayload): AllowanceChange | null {
  const bottles = audit.after?.allowanceBottles;
  if (audit.service !== 'ordering' || audit.action !== ALLOWANCE_CHANGED) return null;
  if (typeof bottles !== 'number') return null;
  return {
    reorderNumber: audit.subject.id,
    allowanceBottles: bottles,
    updatedBy: audit.actor.userId,
    at: new Date(audit.at),
  };
}

/** Last write wins, as in the collection: a copy at least as new already shows the change. */
export const allowanceRules: FedCacheRules<CachedAllowance, AllowanceChange> = {
  reflects: (value, change) => value !== null && value.updatedAt.getTime() >= change.at.getTime(),
  apply: (value, change) =>
    allowanceRules.reflects(value, change)
      ? value
      : {
          reorderNumber: change.reorderNumber,
          allowanceBottles: change.allowanceBottles,
          updatedBy: change.updatedBy,
          updatedAt: change.at,
        },
};
