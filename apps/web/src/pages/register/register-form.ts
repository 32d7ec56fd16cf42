import type { ShipTo } from '../../config/ship-to';
import { FieldProblem } from '../../api/api-client';
import { sentence } from '../../forms/field-errors';

import type { SerialNumberRow } from '../../forms/serial-number-rows';

/** One serial-number row of the form; `key` keeps React's rows stable while rows are removed. */
export type SerialRow = SerialNumberRow;

export interface RegisterValues {
  company: string;
  contactName: string;
  email: string;
  phone: string;
  shipTo: { line1: string; line2: string; city: string; state: string; postalCode: string };
  serials: SerialRow[];
}

export type ShipToField = keyof RegisterValues['shipTo'];

/** The body of POST /api/registrations (docs/api.md). */
export interface RegistrationBody {
  company: string;
  contactName: string;
  email: string;
  phone: string;
  country: string;
  shipTo: ShipTo;
  serials: string[];
}

/** The body, and for each sent serial the form row it came from (the API names `serials.N`). */
export interface PreparedRegistration {
  body: RegistrationBody;
  serialRowKeys: number[];
}

/**
 * Trims what was typed and leaves out empty optional fields and empty serial rows. No other
 * checks here: the API's answer is the one list of problems, shown next to each field.
 */
export function prepareRegistration(values: RegisterValues, country: string): PreparedRegistration {
  const filled = values.serials.filter((row) => row.value.trim() !== '');
  const { line1, line2, city, state, postalCode } = values.shipTo;
  return {
    body: {
      company: values.company.trim(),
      contactName: values.contactName.trim(),
      email: values.email.trim(),
      phone: values.phone.trim(),
      country,
      shipTo: {
        line1: line1.trim(),
        ...(line2.trim() ? { line2: line2.trim() } : {}),
        city: city.trim(),
        ...(state.trim() ? { state: state.trim() } : {}),
        postalCode: postalCode.trim(),
        country,
      },
      serials: filled.map((row) => row.value.trim()),
    },
    serialRowKeys: filled.map((row) => row.key),
  };
}

/** How each field is called in messages ("Enter the postal code."). */
const FIELD_NAMES: Record<string, string> = {
  company: 'the company name',
  contactName: 'the contact name',
  email: 'your email address',
  phone: 'a phone number',
  country: 'the country',
  'shipTo.line1': 'the street address',
  'shipTo.city': 'the city',
  'shipTo.postalCode': 'the postal code',
  'shipTo.country': 'the country',
  serials: 'at least one serial number',
};

export interface RegisterErrors {
  /** By field path: `company`, `shipTo.postalCode`, `country` (also for `shipTo.country`), `serials`. */
  fields: Record<string, string[]>;
  /** By serial row key. */
  serialRows: Record<number, string[]>;
  /** Problems with no field on the form (shown in the summary only). */
  other: string[];
}

const FORM_FIELDS = new Set([
  'company',
  'contactName',
  'email',
  'phone',
  'country',
  'serials',
  'shipTo',
  'shipTo.line1',
  'shipTo.line2',
  'shipTo.city',
  'shipTo.state',
  'shipTo.postalCode',
]);

/** Places each API problem next to the field it names; `serials.1` goes to the second sent row. */
export function placeProblems(
  problems: readonly FieldProblem[],
  serialRowKeys: readonly number[],
): RegisterErrors {
  const errors: RegisterErrors = { fields: {}, serialRows: {}, other: [] };
  for (const { field, reason } of problems) {
    const serialIndex = /^serials\.(\d+)$/.exec(field);
    const rowKey = serialIndex ? serialRowKeys[Number(serialIndex[1])] : undefined;
    if (rowKey !== undefined) {
      (errors.serialRows[rowKey] ??= []).push(friendly(field, reason));
      continue;
    }
    const target = field === 'shipTo.country' ? 'country' : field;
    if (FORM_FIELDS.has(target)) (errors.fields[target] ??= []).push(friendly(field, reason));
    else errors.other.push(`${field}: ${sentence(reason)}`);
  }
  return errors;
}

function friendly(field: string, reason: string): string {
  if (field === 'email' && /must be an email/.test(reason))
    return 'Enter an email address like name@company.com.';
  if (/should not be empty|must be a string|must contain at least 1 element/.test(reason)) {
    const name = field.startsWith('serials.') ? 'the serial number' : FIELD_NAMES[field];
    if (name) return `Enter ${name}.`;
  }
  return sentence(reason);
}

export function countProblems(errors: RegisterErrors): number {
  return (
    Object.values(errors.fields).reduce((sum, list) => sum + list.length, 0) +
    Object.values(errors.serialRows).reduce((sum, list) => sum + list.length, 0) +
    errors.other.length
  );
}
