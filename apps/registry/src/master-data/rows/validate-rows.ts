import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldProblem, toFieldProblems } from '@metered/service-kit';
import type { RawRow } from './parse-rows';

/** At most this many problems are reported: enough to fix a file, not a 1 MB answer. */
export const MAX_PROBLEMS = 100;

export type ValidatedRows<R> = { rows: R[] } | { problems: FieldProblem[] };

/**
 * Converts and validates every row (unknown fields refused), naming each problem
 * `rows.<index>.<field>`; index 0 is the first data row (for CSV: the line after the header).
 */
export async function validateRows<R extends object>(
  rowClass: ClassConstructor<R>,
  raw: readonly RawRow[],
): Promise<ValidatedRows<R>> {
  const rows = raw.map((row) => plainToInstance(rowClass, row));
  const problems: FieldProblem[] = [];
  for (const [index, row] of rows.entries()) {
    const errors = await validate(row, { whitelist: true, forbidNonWhitelisted: true });
    problems.push(...toFieldProblems(errors, `rows.${index}`));
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems.length > 0 ? { problems: problems.slice(0, MAX_PROBLEMS) } : { rows };
}

/** A natural key given twice in one file is a mistake, not "last one wins". */
export function duplicateKeys<R>(rows: readonly R[], field: keyof R & string): FieldProblem[] {
  const firstIndex = new Map<unknown, number>();
  const problems: FieldProblem[] = [];
  rows.forEach((row, index) => {
    const key = row[field];
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else
      problems.push({
        field: `rows.${index}.${field}`,
        reason: `${String(key)} is already in rows.${first}`,
      });
  });
  return problems;
}
