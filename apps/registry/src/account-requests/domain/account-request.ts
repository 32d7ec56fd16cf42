import type { Actor, RequestDecision, SerialCheckResult } from '@metered/contracts';
import { AccountViewer, maySeeAccount } from '../../accounts/domain/account-access';

export const REQUEST_KINDS = ['machines', 'supply-items'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ['open', 'approved', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** At most this many serials in one add-machines request. */
export const MAX_REQUESTED_SERIALS = 20;

export interface RequestDecisionRecord {
  decision: RequestDecision;
  /** Machines: the serials linked by the approval. */
  approvedSerials?: string[];
  reason?: string;
  decidedBy: Actor;
  decidedAt: Date;
}

/**
 * A customer's request to the helpdesk (domain rules 5 and 6): more machines, or an item that
 * is not listed for a serial. It is open until a helpdesk agent decides it, once.
 */
export interface AccountRequest {
  requestId: string;
  kind: RequestKind;
  accountId: string;
  company: string;
  country: string;
  status: RequestStatus;
  requestedBy: Actor;
  requestedAt: Date;
  /** Machines: the account's currently active serial the customer gave as proof. */
  proofSerial?: string;
  /** Machines: the automatic checks of each requested serial, in the order asked. */
  checks?: SerialCheckResult[];
  /** Items: the serial and the reorder number asked for, and the customer's note. */
  serial?: string;
  reorderNumber?: string;
  note?: string;
  decision?: RequestDecisionRecord;
}

export interface FieldProblem {
  field: string;
  reason: string;
}

/**
 * Which checked serials an add-machines request may go to the helpdesk with. A serial we do
 * not know is a typo the customer can fix now; a request where no serial passes the checks
 * would only wait to be declined. Both are refused with the reason per serial.
 */
export function machinesRequestProblems(
  checks: readonly Pick<SerialCheckResult, 'outcome' | 'message'>[],
): FieldProblem[] {
  const unknown = checks.flatMap((check, index) =>
    check.outcome === 'unknown-serial'
      ? [{ field: `serials.${index}`, reason: check.message }]
      : [],
  );
  if (unknown.length > 0) return unknown;
  if (checks.some((check) => check.outcome === 'eligible')) return [];
  return checks.map((check, index) => ({ field: `serials.${index}`, reason: check.message }));
}

export type SerialChoice =
  | { ok: true; serials: string[] }
  | { ok: false; problem: 'not-requested'; serials: string[] }
  | { ok: false; problem: 'none-eligible' };

/**
 * The serials an approval tries to link: those the agent chose (each must be one of the
 * request's), or by default every serial that passed the checks when the customer asked.
 * Each is checked again when linked: things may have changed since.
 */
export function serialsToApprove(
  checks: readonly Pick<SerialCheckResult, 'serial' | 'outcome'>[],
  chosen?: readonly string[],
): SerialChoice {
  if (chosen !== undefined) {
    const requested = new Set(checks.map((check) => check.serial));
    const foreign = chosen.filter((serial) => !requested.has(serial));
    if (foreign.length > 0) return { ok: false, problem: 'not-requested', serials: foreign };
    const unique = [...new Set(chosen)];
    return unique.length > 0
      ? { ok: true, serials: unique }
      : { ok: false, problem: 'none-eligible' };
  }
  const eligible = checks.filter((check) => check.outcome === 'eligible').map((c) => c.serial);
  return eligible.length > 0
    ? { ok: true, serials: eligible }
    : { ok: false, problem: 'none-eligible' };
}

/** Customers see their own account's requests; staff see every request. */
export function maySeeRequest(
  viewer: AccountViewer,
  request: Pick<AccountRequest, 'accountId'>,
): boolean {
  return maySeeAccount(viewer, request.accountId);
}
