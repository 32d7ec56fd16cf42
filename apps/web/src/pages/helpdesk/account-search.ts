import { ApiRequest, ApiResult } from '../../api/api-client';
import { AccountSummary, HelpdeskUserView } from './helpdesk-types';

type Call = <T>(path: string, request?: ApiRequest) => Promise<ApiResult<T>>;

/** How the box reads what the agent typed: an order number, an email address, or anything else. */
export type QueryKind = 'order' | 'email' | 'text';

export function queryKind(query: string): QueryKind {
  const text = query.trim();
  if (/^MS-[0-9A-Z]+-[0-9A-Z]+$/i.test(text)) return 'order';
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return 'email';
  return 'text';
}

export interface AccountHit extends AccountSummary {
  /** Why it matched, when not by company or serial (e.g. "order MS-…", "user a@b.com"). */
  matchedBy?: string;
}

export type SearchOutcome =
  { kind: 'found'; hits: AccountHit[]; note?: string } | { kind: 'failed'; message: string };

/**
 * Finds accounts the way an agent asks on the phone. Each service answers for what it owns,
 * so the portal orchestrates: an order number → ordering (the order's account); an email →
 * identity (the user's account); anything else → the registry's search by company or serial.
 */
export async function searchAccounts(call: Call, query: string): Promise<SearchOutcome> {
  const text = query.trim();
  const kind = queryKind(text);
  if (kind === 'order') {
    const order = await call<{ accountId: string }>(`/api/orders/${encodeURIComponent(text)}`);
    if (order.kind === 'http-error' && order.status === 404)
      return { kind: 'found', hits: [], note: `There is no order ${text.toUpperCase()}.` };
    if (order.kind !== 'ok') return failed(order, 'the order');
    return accountsById(call, [order.body.accountId], `order ${text.toUpperCase()}`);
  }
  if (kind === 'email') {
    const users = await call<{ items: HelpdeskUserView[] }>(
      `/api/users?email=${encodeURIComponent(text.toLowerCase())}`,
    );
    if (users.kind !== 'ok') return failed(users, 'the users');
    const ids = [...new Set(users.body.items.flatMap((user) => user.accountId ?? []))];
    if (!ids.length)
      return {
        kind: 'found',
        hits: [],
        note: users.body.items.length
          ? `${text} is a staff user, not linked to a customer account.`
          : `No user has the email address ${text}.`,
      };
    return accountsById(call, ids, `user ${text.toLowerCase()}`);
  }
  const accounts = await call<{ items: AccountSummary[] }>(
    `/api/accounts?q=${encodeURIComponent(text)}`,
  );
  if (accounts.kind !== 'ok') return failed(accounts, 'the accounts');
  return { kind: 'found', hits: accounts.body.items };
}

async function accountsById(call: Call, ids: string[], matchedBy: string): Promise<SearchOutcome> {
  const answers = await Promise.all(
    ids.map((id) => call<AccountSummary>(`/api/accounts/${encodeURIComponent(id)}`)),
  );
  const hits: AccountHit[] = [];
  for (const answer of answers) {
    if (answer.kind === 'ok') hits.push({ ...answer.body, matchedBy });
    else if (!(answer.kind === 'http-error' && answer.status === 404))
      return failed(answer, 'the account');
  }
  return { kind: 'found', hits };
}

function failed(result: Exclude<ApiResult<unknown>, { kind: 'ok' }>, what: string): SearchOutcome {
  const status = result.kind === 'http-error' ? `error ${result.status}, ` : '';
  return {
    kind: 'failed',
    message: `Could not read ${what} (${status}reference ${result.correlationId}). Try again.`,
  };
}
