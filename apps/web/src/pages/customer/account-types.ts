import type { HelpdeskContact } from '../../config/countries';
import type { ShipTo } from '../../config/ship-to';
/** GET /api/accounts/{accountId} (registry, docs/api.md). */
export interface AccountView {
  accountId: string;
  company: string;
  country: string;
  shipTo: ShipTo;
  serials: string[];
  /** The Supplies Helpdesk of the account's country, when the registry adds it. */
  helpdesk?: HelpdeskContact;
}

/** One item of GET /api/accounts/{accountId}/devices. */
export interface AccountDevice {
  serial: string;
  model?: { code: string; name: string; family?: string } | null;
  contract?: { contractId: string; status: string; startsOn: string; endsOn: string } | null;
  covered: boolean;
  supplyItems?: unknown[];
}
