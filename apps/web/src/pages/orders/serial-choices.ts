import { AccountDevice, AccountView } from '../customer/account-types';
import { ContractFacts } from './contract-lapse';
import { CatalogItem, CatalogSerial } from './order-types';

/** One serial number the customer may pick on the Order Supplies page. */
export interface SerialChoice {
  serial: string;
  modelName: string;
  /** Until when the contract covers the device, when known. */
  coveredUntil?: string;
  /** The ordering service would accept an order for it now. */
  orderable: boolean;
  /** Why it cannot be ordered: no contract, or not yet known to ordering. */
  blocked?: 'no-contract' | 'not-ready';
  /** Its latest contract (ended, terminated, …), to say when it ended and how to renew. */
  contract?: ContractFacts | null;
  items: CatalogItem[];
}

/**
 * Ordering decides what can be ordered (its catalog), but it learns about new devices by
 * event, a moment after the registry lists them. The registry's list fills that gap, so a
 * freshly approved device shows up at once ("being prepared") instead of missing; when the
 * registry is down, ordering's catalog alone is enough to order.
 */
export function serialChoices(
  catalog: readonly CatalogSerial[] | null,
  devices: readonly AccountDevice[] | null,
): SerialChoice[] {
  const choices = new Map<string, SerialChoice>();
  const registryContract = (serial: string) =>
    devices?.find((device) => device.serial === serial)?.contract;
  for (const entry of catalog ?? []) {
    choices.set(entry.serial, {
      serial: entry.serial,
      modelName: entry.model?.name ?? entry.model?.code ?? 'Unknown model',
      coveredUntil: entry.covered ? entry.contract?.endsOn : undefined,
      orderable: entry.covered,
      blocked: entry.covered ? undefined : 'no-contract',
      contract: entry.contract ?? registryContract(entry.serial),
      items: entry.items,
    });
  }
  for (const device of devices ?? []) {
    if (choices.has(device.serial)) continue;
    choices.set(device.serial, {
      serial: device.serial,
      modelName: device.model?.name ?? device.model?.code ?? 'Unknown model',
      coveredUntil: device.covered ? device.contract?.endsOn : undefined,
      orderable: false,
      blocked: device.covered ? 'not-ready' : 'no-contract',
      contract: device.contract,
      items: [],
    });
  }
  return [...choices.values()].sort((a, b) => a.serial.localeCompare(b.serial));
}

/**
 * The ship-to address as ordering knows it, shaped like the registry's account view: used
 * when the registry does not answer, since ordering keeps taking orders without it.
 */
export function accountFromCatalog(
  catalog: readonly CatalogSerial[],
  company: string | undefined,
): AccountView | null {
  const entry = catalog.find((candidate) => candidate.shipTo);
  if (!entry?.shipTo) return null;
  return {
    accountId: entry.accountId ?? '',
    company: company ?? '',
    country: entry.country ?? entry.shipTo.country,
    shipTo: entry.shipTo,
    serials: catalog.map((candidate) => candidate.serial),
  };
}
