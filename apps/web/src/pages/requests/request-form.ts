import { ApiResult } from '../../api/api-client';
import { groupFieldProblems } from '../../forms/field-errors';
import { AccountRequest } from './request-types';
import type { SerialNumberRow } from '../../forms/serial-number-rows';

/** One "serial to add" row; `key` keeps React's rows stable while rows are removed. */
export type SerialDraft = SerialNumberRow;

/** Problems by form field: the API's field names (`proofSerial`, `serial`, …); rows by key. */
export interface RequestErrors {
  fields: Record<string, string[]>;
  rows: Record<number, string[]>;
  /** Nothing on the form to attach it to (network, server, unexpected answers). */
  other: string[];
}

export const NO_ERRORS: RequestErrors = { fields: {}, rows: {}, other: [] };

export function countProblems(errors: RequestErrors): number {
  return (
    Object.values(errors.fields).flat().length +
    Object.values(errors.rows).flat().length +
    errors.other.length
  );
}

/** The filled rows, trimmed; empty rows are left out (the API names `serials.N` of what was sent). */
export function filledSerials(rows: readonly SerialDraft[]): { serials: string[]; keys: number[] } {
  const filled = rows.filter((row) => row.value.trim() !== '');
  return { serials: filled.map((row) => row.value.trim()), keys: filled.map((row) => row.key) };
}

export type SubmitOutcome =
  { kind: 'created'; request: AccountRequest } | { kind: 'refused'; errors: RequestErrors };

/**
 * What an answer to a request means for the form: the API's `errors[{field, reason}]` go to
 * their field (`serials.1` → the second sent row), a 409 to `conflictField`, the rest to the summary.
 */
export function interpretAnswer(
  result: ApiResult<AccountRequest>,
  options: { fields: readonly string[]; rowKeys?: readonly number[]; conflictField?: string },
): SubmitOutcome {
  if (result.kind === 'ok') return { kind: 'created', request: result.body };
  const errors: RequestErrors = { fields: {}, rows: {}, other: [] };
  if (result.kind === 'network-error') {
    errors.other.push(
      'The portal could not reach the server. Check your connection and try again.',
    );
    return { kind: 'refused', errors };
  }
  const grouped = groupFieldProblems(result.body?.errors);
  for (const [field, reasons] of Object.entries(grouped)) {
    const row = /^serials\.(\d+)/.exec(field);
    const rowKey = row ? options.rowKeys?.[Number(row[1])] : undefined;
    if (rowKey !== undefined) (errors.rows[rowKey] ??= []).push(...reasons);
    else if (options.fields.includes(field)) (errors.fields[field] ??= []).push(...reasons);
    else errors.other.push(...reasons);
  }
  if (countProblems(errors) === 0) {
    const message = messageOf(result.body?.message);
    if (result.status === 409 && options.conflictField)
      errors.fields[options.conflictField] = [message ?? 'This was asked for already.'];
    else if (result.status === 403 || result.status === 401)
      errors.other.push('Only a customer of this account can send this request.');
    else if (result.status >= 500)
      errors.other.push(
        `The request could not be sent right now (reference ${result.correlationId}). Try again in a few minutes.`,
      );
    else errors.other.push(message ?? `The request was refused (${result.status}).`);
  }
  return { kind: 'refused', errors };
}

function messageOf(message: string | string[] | undefined): string | undefined {
  const text = Array.isArray(message) ? message.join(' ') : message;
  return text?.trim() ? text : undefined;
}
