import type { ContractSummary, DeviceModelSummary, ShipToAddress } from '@metered/contracts';
import { type ItemChange, reapplyItemChanges, type SerialItem } from './item-changes';

export type { SerialItem } from './item-changes';

/**
 * Ordering's own picture of one device, built only from registry events so that orders are
 * decided without asking the registry (it may be down). `accountId` and `model` are absent
 * while only a `ContractChanged` has arrived (a device not yet linked to an account).
 */
export interface SerialView {
  serial: string;
  accountId?: string;
  country?: string;
  model?: DeviceModelSummary;
  shipTo?: ShipToAddress;
  supplyItems: SerialItem[];
  contract?: ContractSummary;
  /** When the registry decided `contract`; an older contract event never replaces a newer one. */
  contractAsOf?: Date;
  /** When the registry linked the device (SerialAdded.addedAt); older link events are ignored. */
  linkedAt?: Date;
  /** When the helpdesk removed it from its account (SerialRemoved); older links are ignored. */
  unlinkedAt?: Date;
  /** The latest helpdesk change of each item of this serial (SupplyItemAdded/Removed). */
  itemChanges?: ItemChange[];
}

export interface SerialLinked {
  serial: string;
  accountId: string;
  country: string;
  model: DeviceModelSummary;
  shipTo: ShipToAddress;
  supplyItems: SerialItem[];
  contract?: ContractSummary;
  addedAt: Date;
}

export interface SerialUnlinked {
  serial: string;
  accountId: string;
  removedAt: Date;
}

export interface ContractDecided {
  serial: string;
  accountId?: string;
  contract: ContractSummary;
  changedAt: Date;
}

function isNewer(incoming: Date, stored: Date | undefined): boolean {
  return stored === undefined || incoming.getTime() >= stored.getTime();
}

/**
 * Applies `SerialAdded`. Events of one serial arrive in order (keyed by serial), but a
 * redelivery or a replay may bring an old one back: whatever is older than what is stored
 * does not win. Returns null when nothing changes.
 */
export function applySerialLinked(
  current: SerialView | null,
  event: SerialLinked,
): SerialView | null {
  const base: SerialView = current ?? { serial: event.serial, supplyItems: [] };
  if (current?.linkedAt && !isNewer(event.addedAt, current.linkedAt)) return null;
  // A link older than the serial's removal is a replay of history, not a new link.
  if (current?.unlinkedAt && event.addedAt.getTime() < current.unlinkedAt.getTime()) return null;
  const next: SerialView = {
    ...base,
    accountId: event.accountId,
    country: event.country,
    model: event.model,
    shipTo: event.shipTo,
    // The link's list is the registry's as of `addedAt`; item changes after it still count.
    supplyItems: reapplyItemChanges(event.supplyItems, base.itemChanges, event.addedAt),
    linkedAt: event.addedAt,
  };
  // The link carries the contract deciding at `addedAt`; a later ContractChanged stays.
  if (event.contract && isNewer(event.addedAt, base.contractAsOf)) {
    next.contract = event.contract;
    next.contractAsOf = event.addedAt;
  }
  return next;
}

/**
 * Applies `SerialRemoved`: the serial leaves its account, so neither the catalog nor an order
 * finds it. Ignored when it was linked again later, or when it is already gone since then.
 * Returns null when nothing changes.
 */
export function applySerialUnlinked(
  current: SerialView | null,
  event: SerialUnlinked,
): SerialView | null {
  const base: SerialView = current ?? { serial: event.serial, supplyItems: [] };
  if (base.linkedAt && base.linkedAt.getTime() > event.removedAt.getTime()) return null;
  if (base.unlinkedAt && base.unlinkedAt.getTime() >= event.removedAt.getTime()) return null;
  if (base.accountId !== undefined && base.accountId !== event.accountId) return null;
  const { accountId: _removed, ...rest } = base;
  return { ...rest, unlinkedAt: event.removedAt };
}

/** Applies `ContractChanged`: the newest decision wins; returns null when nothing changes. */
export function applyContractDecided(
  current: SerialView | null,
  event: ContractDecided,
): SerialView | null {
  const base: SerialView = current ?? { serial: event.serial, supplyItems: [] };
  if (!isNewer(event.changedAt, base.contractAsOf)) return null;
  return { ...base, contract: event.contract, contractAsOf: event.changedAt };
}

/** Today as YYYY-MM-DD in UTC: contracts are dated in calendar days. */
export function calendarDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Covered on `day`: the contract is active and the day lies within [startsOn, endsOn]. */
export function isCoveredOn(contract: ContractSummary | undefined, day: string): boolean {
  return (
    contract !== undefined &&
    contract.status === 'active' &&
    contract.startsOn <= day &&
    day <= contract.endsOn
  );
}

/** A serial a customer of `accountId` may see and order for (linked, model known). */
export function belongsTo(view: SerialView | null, accountId: string): view is SerialView {
  return view !== null && view.accountId === accountId && view.model !== undefined;
}
