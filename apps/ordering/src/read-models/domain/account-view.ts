import type { ShipToAddress } from '@metered/contracts';

/** Ordering's copy of a customer account, from `RegistrationApproved`. */
export interface AccountView {
  accountId: string;
  company: string;
  country: string;
  shipTo: ShipToAddress;
  approvedAt: Date;
}
