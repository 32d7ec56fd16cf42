import type { ShipToAddress } from '@metered/contracts';

/** A customer account, created when a validator approved its registration. */
export interface Account {
  accountId: string;
  registrationId: string;
  company: string;
  country: string;
  shipTo: ShipToAddress;
  /** The serials the validator approved; those linked to the account are read from devices. */
  approvedSerials: string[];
  createdAt: Date;
}
