import { FieldProblem } from '../api/api-client';

/** Field path (as the API names it, e.g. `shipTo.postalCode`) → the reasons to show under it. */
export type FieldErrors = Record<string, string[]>;

/** Groups the API's `errors[{field, reason}]` by field, as readable sentences. */
export function groupFieldProblems(problems: readonly FieldProblem[] | undefined): FieldErrors {
  const grouped: FieldErrors = {};
  for (const { field, reason } of problems ?? []) {
    (grouped[field] ??= []).push(sentence(reason));
  }
  return grouped;
}

/** "postalCode should not be empty" → "PostalCode should not be empty." */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capitalised = `${trimmed[0].toUpperCase()}${trimmed.slice(1)}`;
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
