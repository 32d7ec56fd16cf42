import type { SerialCheckOutcome } from '@metered/contracts';
import { Contract, coversOn, decidingContract } from '../../contracts/domain/contract';
import type { DeviceModel } from '../../device-models/domain/device-model';
import type { Device } from '../../devices/domain/device';

/** What the registry knows about one serial of a registration request. */
export interface SerialFacts {
  serial: string;
  device?: Device;
  model?: DeviceModel;
}

export interface SerialCheck {
  serial: string;
  outcome: SerialCheckOutcome;
  /** What to tell the person (and the validator). */
  message: string;
  model?: DeviceModel;
  contract?: Contract;
}

/** Where customers without a contract get their supplies (domain rule 3). */
export const BUY_ELSEWHERE =
  "Please buy supplies for it from the vendor's online store or an authorised partner.";

/**
 * Checks one serial for a registration from `country` on `today`. The first failing rule
 * decides, in the order the person can act on: the serial must be a known device, covered by
 * a current Metered Supplies contract, not yet on another account, and installed in the
 * registration's country.
 */
export function checkSerial(facts: SerialFacts, country: string, today: string): SerialCheck {
  const { serial, device, model } = facts;
  if (!device) {
    return {
      serial,
      outcome: 'unknown-serial',
      message: `${serial} is not a device we know. Please check the serial number on the device's label.`,
    };
  }
  const contract = decidingContract(device.contracts, today);
  const known = { serial, ...(model ? { model } : {}), ...(contract ? { contract } : {}) };
  if (!coversOn(contract, today)) {
    return {
      ...known,
      outcome: 'no-active-contract',
      message: `${serial} has no current Metered Supplies contract. ${BUY_ELSEWHERE}`,
    };
  }
  if (device.accountId) {
    return {
      ...known,
      outcome: 'already-registered',
      message: `${serial} is already registered to a customer account. Please call the Supplies Helpdesk if it has moved to your company.`,
    };
  }
  if (device.country !== country) {
    return {
      ...known,
      outcome: 'other-country',
      message: `${serial} is installed in another country (${device.country}). Please register it from that country or call the Supplies Helpdesk.`,
    };
  }
  return {
    ...known,
    outcome: 'eligible',
    message: `${serial} is covered by Metered Supplies contract ${contract?.contractId} until ${contract?.endsOn}.`,
  };
}

/** Checks every serial of a request; `allEligible` only when each one passed. */
export function checkSerials(
  facts: readonly SerialFacts[],
  country: string,
  today: string,
): { results: SerialCheck[]; allEligible: boolean } {
  const results = facts.map((fact) => checkSerial(fact, country, today));
  return { results, allEligible: results.every((result) => result.outcome === 'eligible') };
}
