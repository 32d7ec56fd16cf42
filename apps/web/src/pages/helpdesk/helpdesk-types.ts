import type { ShipTo } from '../../config/ship-to';
import type { SerialCheck } from '../validator/registration-types';

/*
 * What the helpdesk console reads (docs/api.md, s3-plan): optional fields are ones the pages
 * can do without, so a slightly different answer degrades instead of breaking a page.
 */

/** One hit of GET /api/accounts?q= (and the shape of GET /api/accounts/{accountId}). */
export interface AccountSummary {
  accountId: string;
  company: string;
  country: string;
  shipTo: ShipTo;
  serials: string[];
  helpdesk?: { phone: string; prompts: number[] };
}

/** One user of GET /api/users?accountId=&email= (identity). */
export interface HelpdeskUserView {
  userId: string;
  email: string;
  name?: string;
  roles: string[];
  accountId?: string | null;
  status: string;
  createdAt?: string;
}

export interface SupplyItemView {
  reorderNumber: string;
  description?: string;
  kind?: string;
  bottlesPerCarton?: number;
}

/** One machine of GET /api/accounts/{accountId}/devices, as staff see it. */
export interface MachineView {
  serial: string;
  model?: { code: string; name: string; family?: string } | null;
  contract?: { contractId: string; status: string; startsOn: string; endsOn: string } | null;
  covered: boolean;
  supplyItems?: SupplyItemView[];
}

export interface ActorView {
  userId: string;
  email: string;
}

export type RequestKind = 'machines' | 'supply-items';
export type RequestStatus = 'open' | 'approved' | 'declined';

/** A customer's request to the helpdesk (GET /api/account-requests). */
export interface AccountRequestView {
  requestId: string;
  kind: RequestKind;
  accountId: string;
  company: string;
  country: string;
  status: RequestStatus;
  requestedBy: ActorView;
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
    decidedBy: ActorView;
    decidedAt: string;
  };
}

export const ACCOUNT_PATH = (accountId: string) =>
  `/helpdesk/accounts/${encodeURIComponent(accountId)}`;

/** The address on one line, as an agent reads it out. */
export function formatShipTo({ shipTo }: { shipTo: ShipTo }): string {
  const cityLine = `${shipTo.city}${shipTo.state ? `, ${shipTo.state}` : ''} ${shipTo.postalCode}`;
  return [shipTo.line1, shipTo.line2, cityLine, shipTo.country].filter(Boolean).join(', ');
}
