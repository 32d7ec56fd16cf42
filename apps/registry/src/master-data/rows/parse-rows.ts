import { parse } from 'csv-parse/sync';
import type { FieldProblem } from '@metered/service-kit';

export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** More rows than any sensible single request; bigger files are imported in chunks. */
export const MAX_ROWS = 2000;

export type RawRow = Record<string, unknown>;

export type ParsedRows = { rows: RawRow[] } | { problems: FieldProblem[] };

/**
 * Turns the uploaded text into plain row objects: a JSON array of objects, or CSV with a
 * header row naming the fields (empty cells become absent fields). Problems name `content`.
 */
export function parseRows(format: ImportFormat, content: string): ParsedRows {
  const rows = format === 'json' ? parseJson(content) : parseCsv(content);
  if ('problems' in rows) return rows;
  if (rows.rows.length === 0) return contentProblem('has no rows');
  if (rows.rows.length > MAX_ROWS) {
    return contentProblem(`has ${rows.rows.length} rows; import at most ${MAX_ROWS} per request`);
  }
  return rows;
}

function contentProblem(reason: string): ParsedRows {
  return { problems: [{ field: 'content', reason: `content ${reason}` }] };
}

function parseJson(content: string): ParsedRows {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    return contentProblem(`is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) return contentProblem('must be a JSON array of rows');
  const problems: FieldProblem[] = [];
  value.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push({ field: `rows.${index}`, reason: 'each row must be a JSON object' });
    }
  });
  return problems.length > 0 ? { problems } : { rows: value as RawRow[] };
}

function parseCsv(content: string): ParsedRows {
  try {
    // One line ending throughout: csv-parse guesses it from the first line only.
    const records = parse(content.replace(/\r\n?/g, '\n'), {
      columns: (header: string[]) => header.map((name) => name.trim()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
    }) as Record<string, string>[];
    const rows = records.map((record) =>
      Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')),
    );
    return { rows };
  } catch (error) {
    return contentProblem(`is not valid CSV with a header row (${(error as Error).message})`);
  }
}
