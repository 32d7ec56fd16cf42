import { SERIAL_NUMBER_PATTERN } from '@metered/contracts/reference';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How the helpdesk's one search box is read: a company fragment, and maybe a serial or id. */
export interface AccountSearch {
  /** Matched case-insensitively anywhere in the company name. */
  companyPattern: RegExp;
  /** Set when the text has the shape of a serial number: matched exactly. */
  serial?: string;
  /** Set when the text has the shape of an account id: matched exactly. */
  accountId?: string;
}

export const ACCOUNT_SEARCH_LIMIT = 50;

/** Undefined for an empty query: the search needs something to look for. */
export function readAccountSearch(query: string | undefined): AccountSearch | undefined {
  const text = (query ?? '').trim();
  if (text === '') return undefined;
  const upper = text.toUpperCase();
  return {
    companyPattern: new RegExp(escapeRegExp(text), 'i'),
    ...(SERIAL_NUMBER_PATTERN.test(upper) ? { serial: upper } : {}),
    ...(UUID.test(text) ? { accountId: text.toLowerCase() } : {}),
  };
}

/** The text as a literal inside a regular expression (a company may be called "A+B (US)"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
