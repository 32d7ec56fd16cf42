import type { ContractStatus } from '@metered/contracts';

/** A Metered Supplies contract of one device; dates are calendar days (YYYY-MM-DD). */
export interface Contract {
  contractId: string;
  serial: string;
  status: ContractStatus;
  /** First day covered. */
  startsOn: string;
  /** Last day covered. */
  endsOn: string;
}

/** Today as YYYY-MM-DD in UTC: contracts are dated in calendar days, not instants. */
export function calendarDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function newestFirst(a: Contract, b: Contract): number {
  if (a.startsOn !== b.startsOn) return a.startsOn < b.startsOn ? 1 : -1;
  if (a.endsOn !== b.endsOn) return a.endsOn < b.endsOn ? 1 : -1;
  return a.contractId < b.contractId ? 1 : a.contractId > b.contractId ? -1 : 0;
}

/**
 * The contract that decides a device's coverage on `today`: the latest one that has started
 * (a renewal, suspension or termination supersedes what came before it). A contract that
 * starts in the future does not yet replace the running one; when nothing has started,
 * the earliest upcoming contract is returned so callers can say when coverage begins.
 */
export function decidingContract(
  contracts: readonly Contract[],
  today: string,
): Contract | undefined {
  const started = contracts.filter((contract) => contract.startsOn <= today).sort(newestFirst);
  if (started.length > 0) return started[0];
  return [...contracts].sort(newestFirst).at(-1);
}

/** Covered on `today`: the contract is active and today lies within [startsOn, endsOn]. */
export function coversOn(contract: Contract | undefined, today: string): boolean {
  return (
    contract !== undefined &&
    contract.status === 'active' &&
    contract.startsOn <= today &&
    today <= contract.endsOn
  );
}

/** Whether a device with these contracts may order supplies on `today`. */
export function isCovered(contracts: readonly Contract[], today: string): boolean {
  return coversOn(decidingContract(contracts, today), today);
}

/** Whether two versions of a contract differ in anything a customer or consumer sees. */
export function sameContract(a: Contract, b: Contract): boolean {
  return (
    a.contractId === b.contractId &&
    a.serial === b.serial &&
    a.status === b.status &&
    a.startsOn === b.startsOn &&
    a.endsOn === b.endsOn
  );
}

/**
 * A device's contracts with imported ones applied: a contract id already stored is replaced,
 * a new one is added. Oldest first.
 */
export function mergeContracts(
  current: readonly Contract[],
  incoming: readonly Contract[],
): Contract[] {
  const merged = new Map(current.map((contract) => [contract.contractId, contract]));
  for (const contract of incoming) merged.set(contract.contractId, contract);
  return [...merged.values()].sort(
    (a, b) => a.startsOn.localeCompare(b.startsOn) || a.contractId.localeCompare(b.contractId),
  );
}
