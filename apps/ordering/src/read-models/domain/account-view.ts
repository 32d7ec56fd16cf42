import type { ShipToAddress } from '@metered/contracts';
import type { SerialView } from './serial-view';

/** Ordering's copy of a customer account, from `RegistrationApproved` and `ShipToAddressChanged`. */
export interface AccountView {
  accountId: string;
  company: string;
  country: string;
  /** Where orders placed now go. */
  shipTo: ShipToAddress;
  approvedAt: Date;
  /** When the helpdesk last changed `shipTo` (absent: the address of the approval). */
  shipToAsOf?: Date;
}

/**
 * What is stored: an address change may arrive before the approval (they come on different
 * topics), so an account can be known by its address alone for a while.
 */
export type AccountRecord = Pick<AccountView, 'accountId' | 'shipTo' | 'shipToAsOf'> &
  Partial<Pick<AccountView, 'company' | 'country' | 'approvedAt'>>;

export interface AccountApproved {
  accountId: string;
  company: string;
  country: string;
  shipTo: ShipToAddress;
  approvedAt: Date;
}

export interface ShipToChanged {
  accountId: string;
  shipTo: ShipToAddress;
  changedAt: Date;
}

export function isApproved(record: AccountRecord | null): record is AccountView {
  return record?.approvedAt !== undefined && record.company !== undefined;
}

/** Applies `RegistrationApproved`; a helpdesk address change made since keeps its address. */
export function applyAccountApproved(
  current: AccountRecord | null,
  event: AccountApproved,
): AccountRecord | null {
  if (current?.approvedAt && current.approvedAt.getTime() > event.approvedAt.getTime()) return null;
  const changedSince =
    current?.shipToAsOf !== undefined && current.shipToAsOf.getTime() >= event.approvedAt.getTime();
  return changedSince
    ? { ...event, shipTo: current.shipTo, shipToAsOf: current.shipToAsOf }
    : { ...event };
}

/** Applies `ShipToAddressChanged`: the newest change wins; null when nothing changes. */
export function applyShipToChanged(
  current: AccountRecord | null,
  event: ShipToChanged,
): AccountRecord | null {
  const asOf = current?.shipToAsOf ?? current?.approvedAt;
  if (asOf && asOf.getTime() > event.changedAt.getTime()) return null;
  if (current?.shipToAsOf?.getTime() === event.changedAt.getTime()) return null; // redelivery
  return {
    ...(current ?? {}),
    accountId: event.accountId,
    shipTo: event.shipTo,
    shipToAsOf: event.changedAt,
  };
}

/**
 * Where an order placed now goes. A serial's copy of the address is the one of its link; the
 * account's is newer once the helpdesk changed it after that link.
 */
export function currentShipTo(account: AccountView, serial: SerialView): ShipToAddress {
  if (!serial.shipTo) return account.shipTo;
  const changedAfterLink =
    account.shipToAsOf !== undefined &&
    (serial.linkedAt === undefined || account.shipToAsOf.getTime() >= serial.linkedAt.getTime());
  return changedAfterLink ? account.shipTo : serial.shipTo;
}
