import type { SerialCheck, SerialCheckOutcome } from '../validator/registration-types';

/*
 * A customer's request to the Supplies Helpdesk, as the registry answers it (s3-plan,
 * `/api/account-requests`). Optional fields may be missing; the pages degrade instead of failing.
 */
export type RequestKind = 'machines' | 'supply-items';
export type RequestStatus = 'open' | 'approved' | 'declined';

export interface AccountRequest {
  requestId: string;
  kind: RequestKind;
  accountId: string;
  company?: string;
  country?: string;
  status: RequestStatus;
  requestedBy?: { userId: string; email: string };
  requestedAt: string;
  proofSerial?: string;
  checks?: SerialCheck[];
  serial?: string;
  reorderNumber?: string;
  note?: string;
  decision?: {
    decision: 'approved' | 'declined';
    approvedSerials?: string[];
    reason?: string;
    decidedBy?: { userId: string; email: string };
    decidedAt: string;
  };
}

/** POST /api/account-requests/machines */
export interface MachinesRequestBody {
  proofSerial: string;
  serials: string[];
}

/** POST /api/account-requests/supply-items */
export interface SupplyItemRequestBody {
  serial: string;
  reorderNumber: string;
  note?: string;
}

export const STATUS_TEXT: Record<RequestStatus, string> = {
  open: 'Waiting for the Supplies Helpdesk',
  approved: 'Approved',
  declined: 'Declined',
};

/** What each automatic check means for the customer, in plain words. */
export const CHECK_TEXT: Record<SerialCheckOutcome, string> = {
  eligible: 'Can be added: it has an active Metered Supplies contract.',
  'unknown-serial': 'We do not know this serial number. Check the label on the machine.',
  'no-active-contract':
    'No active Metered Supplies contract: buy its supplies from our online store or an authorised partner.',
  'already-registered': 'Already linked to a customer account.',
  'other-country': 'This machine is in another country than your account.',
};

export function checkText(check: SerialCheck): string {
  return CHECK_TEXT[check.outcome] ?? check.message;
}
