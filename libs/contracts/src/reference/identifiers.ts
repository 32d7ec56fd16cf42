/**
 * Shapes of the identifiers customers type. Serials and reorder numbers are normalised
 * (trimmed, upper-cased, inner spaces and dashes kept as typed are refused) before checks.
 */

/** A device serial number: 8–15 letters and digits, e.g. `E72345A6N1`. */
export const SERIAL_NUMBER_PATTERN = /^[A-Z0-9]{8,15}$/;

/** A supply item's reorder number, e.g. `TK-5240K` or `108R01484`. */
export const REORDER_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,19}$/;

/** Upper-cases and trims what a person typed; the result must then match the pattern. */
export function normaliseIdentifier(value: string): string {
  return value.trim().toUpperCase();
}

/** Roles of the platform's users; tokens carry them, services authorise by them. */
export const ROLES = ['customer', 'helpdesk', 'validator', 'ops', 'admin'] as const;
export type Role = (typeof ROLES)[number];
