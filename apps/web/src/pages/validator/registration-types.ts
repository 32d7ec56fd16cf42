import type { ShipTo } from '../../config/ship-to';
/** The identity service's `Registration` (docs/api.md). */
export type RegistrationStatus = 'awaiting-checks' | 'pending-review' | 'approved' | 'rejected';

export type SerialCheckOutcome =
  'eligible' | 'unknown-serial' | 'no-active-contract' | 'already-registered' | 'other-country';

export interface SerialCheck {
  serial: string;
  outcome: SerialCheckOutcome;
  message: string;
  model?: { code: string; name: string; family?: string };
  contract?: { contractId: string; status: string; startsOn: string; endsOn: string };
}

export interface Registration {
  registrationId: string;
  status: RegistrationStatus;
  company: string;
  contactName: string;
  email: string;
  phone: string;
  country: string;
  shipTo: ShipTo;
  serials: string[];
  checks: { checkedAt: string; allEligible: boolean; results: SerialCheck[] } | null;
  decision: {
    decidedBy: string;
    decidedAt: string;
    reason?: string;
    approvedSerials?: string[];
    accountId?: string;
  } | null;
  requestedAt: string;
}

export const OUTCOME_LABELS: Record<SerialCheckOutcome, string> = {
  eligible: 'Eligible',
  'unknown-serial': 'Unknown serial',
  'no-active-contract': 'No active contract',
  'already-registered': 'Already registered',
  'other-country': 'Other country',
};

export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  'awaiting-checks': 'Awaiting checks',
  'pending-review': 'Pending review',
  approved: 'Approved',
  rejected: 'Rejected',
};
