import type {
  ContractChangedPayload,
  RegistrationApprovedPayload,
  SerialAddedPayload,
  SerialRemovedPayload,
  ShipToAddressChangedPayload,
  SupplyItemAddedPayload,
  SupplyItemRemovedPayload,
} from '@metered/contracts';
import { type AccountRecord, applyAccountApproved, applyShipToChanged } from './account-view';
import { applyItemAdded, applyItemRemoved } from './serial-items';
import {
  applyContractDecided,
  applySerialLinked,
  applySerialUnlinked,
  type SerialView,
} from './serial-view';

/**
 * What one event does to a read model: the stored copy (or null) → the next one, or null when
 * it changes nothing. The consumer writes with these, and each replica's placement cache
 * applies the same ones, so both agree on what an event means.
 */
export type Change<T> = (current: T | null) => T | null;
export type SerialChange = Change<SerialView>;
export type AccountChange = Change<AccountRecord>;

export function serialAdded(payload: SerialAddedPayload): SerialChange {
  return (current) =>
    applySerialLinked(current, {
      serial: payload.serial,
      accountId: payload.accountId,
      country: payload.country,
      model: payload.model,
      shipTo: payload.shipTo,
      supplyItems: payload.supplyItems,
      contract: payload.contract,
      addedAt: new Date(payload.addedAt),
    });
}

export function serialRemoved(payload: SerialRemovedPayload): SerialChange {
  return (current) =>
    applySerialUnlinked(current, {
      serial: payload.serial,
      accountId: payload.accountId,
      removedAt: new Date(payload.removedAt),
    });
}

export function supplyItemAdded(payload: SupplyItemAddedPayload): SerialChange {
  return (current) =>
    applyItemAdded(current, {
      serial: payload.serial,
      item: payload.item,
      addedAt: new Date(payload.addedAt),
    });
}

export function supplyItemRemoved(payload: SupplyItemRemovedPayload): SerialChange {
  return (current) =>
    applyItemRemoved(current, {
      serial: payload.serial,
      reorderNumber: payload.reorderNumber,
      removedAt: new Date(payload.removedAt),
    });
}

export function contractChanged(payload: ContractChangedPayload): SerialChange {
  return (current) =>
    applyContractDecided(current, {
      serial: payload.serial,
      accountId: payload.accountId,
      contract: payload.contract,
      changedAt: new Date(payload.changedAt),
    });
}

export function registrationApproved(payload: RegistrationApprovedPayload): AccountChange {
  return (current) =>
    applyAccountApproved(current, {
      accountId: payload.accountId,
      company: payload.company,
      country: payload.country,
      shipTo: payload.shipTo,
      approvedAt: new Date(payload.approvedAt),
    });
}

export function shipToAddressChanged(payload: ShipToAddressChangedPayload): AccountChange {
  return (current) =>
    applyShipToChanged(current, {
      accountId: payload.accountId,
      shipTo: payload.shipTo,
      changedAt: new Date(payload.changedAt),
    });
}

/** The copy with the change applied; the copy itself when the change is not newer. */
export function applied<T>(current: T | null, change: Change<T>): T | null {
  return change(current) ?? current;
}

/**
 * Whether a stored copy already shows the change: applying it again changes nothing. Compared
 * as data (a copy read from the database and one built from an event differ in key order and
 * in their objects' classes, not in what they say).
 */
export function reflects<T>(current: T | null, change: Change<T>): boolean {
  const next = change(current);
  return next === null || sameData(next, current);
}

export function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * The value as sorted JSON, a field that is undefined or null counting as absent: a decoded
 * event's class instance has its optional fields defined as undefined (`line2` of an address),
 * and the driver stores undefined as null (BSON has no undefined) — the same copy, read back,
 * has `line2: null`. Read models never use null to say anything else.
 */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .filter((key) => record[key] !== undefined && record[key] !== null)
        .sort()
        .map((key) => [key, record[key]]),
    );
  });
}
