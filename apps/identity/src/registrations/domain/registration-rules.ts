import { normaliseIdentifier, SERIAL_NUMBER_PATTERN } from '@metered/contracts/reference';
import { Registration, RegistrationStatus, SerialCheck } from './registration';

/** A broken rule on one input field, e.g. `{ field: 'serials.2', reason: '…' }`. */
export interface Problem {
  field: string;
  reason: string;
}

/** What a decision rule answers: the value, or why the request cannot be honoured. */
export type RuleOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'invalid'; problems: Problem[] }
  | { ok: false; kind: 'conflict'; message: string };

const TRANSITIONS: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  // A validator may turn down an obvious bogus request before the registry has answered.
  'awaiting-checks': ['pending-review', 'rejected'],
  // pending-review → pending-review: the registry checked the serials again.
  'pending-review': ['pending-review', 'approved', 'rejected'],
  approved: [],
  rejected: [],
};

export function canMove(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Normalises the serials a person typed and names each bad one by its position: the pattern
 * (8–15 letters and digits once trimmed and upper-cased) and repeats after normalisation.
 */
export function normaliseSerials(typed: readonly string[]): RuleOutcome<string[]> {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const serials = typed.map((value, index) => {
    const serial = normaliseIdentifier(value);
    if (!SERIAL_NUMBER_PATTERN.test(serial)) {
      problems.push({
        field: `serials.${index}`,
        reason: 'a serial number has 8 to 15 letters and digits',
      });
    } else if (seen.has(serial)) {
      problems.push({
        field: `serials.${index}`,
        reason: `${serial} is already listed as serials.${seen.get(serial)}`,
      });
    } else {
      seen.set(serial, index);
    }
    return serial;
  });
  return problems.length > 0
    ? { ok: false, kind: 'invalid', problems }
    : { ok: true, value: serials };
}

/** The ship-to address must be in the registration's country (country decides the account). */
export function shipToProblems(country: string, shipToCountry: string): Problem[] {
  return country === shipToCountry
    ? []
    : [{ field: 'shipTo.country', reason: `must be the registration's country ${country}` }];
}

/**
 * Whether a check result may be stored: always while awaiting the checks; while pending
 * review only when it is newer than the stored one (a re-check); never once decided — the
 * decision was made on what the validator saw.
 */
export function acceptsChecks(registration: Registration, checkedAt: Date): boolean {
  if (registration.status === 'awaiting-checks') return true;
  if (registration.status !== 'pending-review') return false;
  const stored = registration.checks?.checkedAt;
  return !stored || checkedAt.getTime() > stored.getTime();
}

/** Why results do not belong to this registration (each serial exactly once), or null. */
export function checksMismatch(
  registration: Registration,
  results: readonly SerialCheck[],
): string | null {
  const checked = results.map((result) => result.serial);
  const foreign = checked.filter((serial) => !registration.serials.includes(serial));
  const missing = registration.serials.filter((serial) => !checked.includes(serial));
  const repeated = checked.length !== new Set(checked).size;
  if (foreign.length === 0 && missing.length === 0 && !repeated) return null;
  return [
    foreign.length > 0 ? `not in the registration: ${foreign.join(', ')}` : '',
    missing.length > 0 ? `not checked: ${missing.join(', ')}` : '',
    repeated ? 'a serial is checked twice' : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** Serials the registry found eligible, in the order the person listed them. */
export function eligibleSerials(registration: Registration): string[] {
  const eligible = new Set(
    (registration.checks?.results ?? [])
      .filter((result) => result.outcome === 'eligible')
      .map((result) => result.serial),
  );
  return registration.serials.filter((serial) => eligible.has(serial));
}

/**
 * The serials an approval links to the new account: those the validator chose (normalised),
 * or every eligible one. Only a pending-review registration can be approved, and only with
 * at least one eligible serial.
 */
/**
 * The registration's serials an approval of `approved` leaves out, each with why: the
 * registry's check message, or that the validator did not include it.
 */
export function notApprovedSerials(
  registration: Pick<Registration, 'serials' | 'checks'>,
  approved: readonly string[],
): { serial: string; reason: string }[] {
  const checks = new Map((registration.checks?.results ?? []).map((r) => [r.serial, r]));
  return registration.serials
    .filter((serial) => !approved.includes(serial))
    .map((serial) => {
      const check = checks.get(serial);
      const reason =
        check && check.outcome !== 'eligible'
          ? check.message
          : 'not included in the approval by our validation team';
      return { serial, reason };
    });
}

export function approvableSerials(
  registration: Registration,
  chosen?: readonly string[],
): RuleOutcome<string[]> {
  if (registration.status !== 'pending-review') {
    return {
      ok: false,
      kind: 'conflict',
      message: `registration is ${registration.status}; only a pending-review registration can be approved`,
    };
  }
  const eligible = eligibleSerials(registration);
  if (chosen === undefined) {
    return eligible.length > 0
      ? { ok: true, value: eligible }
      : { ok: false, kind: 'conflict', message: 'no serial of this registration is eligible' };
  }
  const problems: Problem[] = [];
  const picked: string[] = [];
  chosen.forEach((value, index) => {
    const serial = normaliseIdentifier(value);
    const field = `serials.${index}`;
    if (!registration.serials.includes(serial)) {
      problems.push({ field, reason: `${serial} is not a serial of this registration` });
    } else if (!eligible.includes(serial)) {
      problems.push({ field, reason: `${serial} did not pass the registry's checks` });
    } else if (picked.includes(serial)) {
      problems.push({ field, reason: `${serial} is listed twice` });
    } else {
      picked.push(serial);
    }
  });
  if (problems.length > 0) return { ok: false, kind: 'invalid', problems };
  if (picked.length === 0) {
    return { ok: false, kind: 'conflict', message: 'choose at least one eligible serial' };
  }
  return { ok: true, value: picked };
}

/**
 * Why a validator may not reject the request now, or null: not once decided, and not while
 * an approval has claimed the decision — its user and login-details email may already exist,
 * so the approval must be the one that wins (approving again finishes it).
 */
export function rejectionConflict(registration: Registration): string | null {
  if (!canMove(registration.status, 'rejected')) {
    return `registration is already ${registration.status}`;
  }
  if (registration.approvalClaim) return 'registration is being approved';
  return null;
}
