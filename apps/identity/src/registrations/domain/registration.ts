/**
 * A request for a portal account, as identity keeps it from intake to the validator's
 * decision. Framework-free: the rules in this folder work on these shapes only.
 */
export const REGISTRATION_STATUSES = [
  'awaiting-checks',
  'pending-review',
  'approved',
  'rejected',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses in which the request still holds its email (nobody else may register with it). */
export const OPEN_STATUSES: readonly RegistrationStatus[] = ['awaiting-checks', 'pending-review'];

export interface ShipTo {
  line1: string;
  line2?: string;
  city: string;
  state?: string;
  postalCode: string;
  country: string;
}

/** The registry's verdict on one serial (outcome `eligible` or the reason it is not). */
export interface SerialCheck {
  serial: string;
  outcome: string;
  message: string;
  model?: { code: string; name: string; family: string };
  contract?: { contractId: string; status: string; startsOn: string; endsOn: string };
}

export interface RegistrationChecks {
  checkedAt: Date;
  allEligible: boolean;
  results: SerialCheck[];
}

export interface RegistrationDecision {
  /** User id of the validator. */
  decidedBy: string;
  decidedAt: Date;
  /** Rejections only. */
  reason?: string;
  /** Approvals only. */
  approvedSerials?: string[];
  /** Approvals only: the customer account created for the request. */
  accountId?: string;
}

/**
 * An approval under way. Approving takes several writes (the user lives in another
 * collection and there are no multi-document transactions), so the approval first claims the
 * decision on the registration itself: from then on a rejection is refused, and a retry after
 * a crash continues this claim (same account, same serials) instead of starting another.
 */
export interface ApprovalClaim {
  accountId: string;
  /** The serials the approval links, fixed when it was claimed. */
  serials: string[];
  claimedBy: string;
  claimedAt: Date;
}

export interface Registration {
  id: string;
  status: RegistrationStatus;
  company: string;
  contactName: string;
  /** Lower-cased. */
  email: string;
  phone: string;
  country: string;
  shipTo: ShipTo;
  /** Normalised (trimmed, upper case), each once. */
  serials: string[];
  checks: RegistrationChecks | null;
  decision: RegistrationDecision | null;
  /** Set by the approval that claimed the decision, before any side effect; null otherwise. */
  approvalClaim: ApprovalClaim | null;
  requestedAt: Date;
}

export function isOpen(status: RegistrationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
