import type { ClassConstructor } from 'class-transformer';
import type { FieldProblem } from '@metered/service-kit';

export const IMPORT_KINDS = ['device-models', 'supply-items', 'devices', 'contracts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** One kind of master data: how its rows look, what they must refer to, how they are stored. */
export interface KindImporter<R extends object> {
  readonly kind: ImportKind;
  readonly rowClass: ClassConstructor<R>;
  /** The natural key; upserts go by it and a file may name each key once. */
  readonly keyField: keyof R & string;
  /** Rules across rows and against what is stored (references, key ownership). */
  check(rows: readonly R[]): Promise<FieldProblem[]>;
  /** Upserts the (valid) rows. */
  apply(rows: readonly R[]): Promise<ImportCounts>;
}

export function emptyCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}
