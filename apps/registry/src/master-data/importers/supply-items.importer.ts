import { Injectable } from '@nestjs/common';
import type { FieldProblem } from '@metered/service-kit';
import { DeviceModelsRepository } from '../../device-models/persistence/device-models.repository';
import type { SupplyItem } from '../../supply-items/domain/supply-item';
import { SupplyItemsRepository } from '../../supply-items/persistence/supply-items.repository';
import { emptyCounts, ImportCounts, KindImporter } from '../import-kind';
import { SupplyItemRow } from '../rows/master-data.rows';

function sameItem(a: SupplyItem, b: SupplyItem): boolean {
  return (
    a.description === b.description &&
    a.kind === b.kind &&
    a.bottlesPerCarton === b.bottlesPerCarton &&
    [...a.compatibleModels].sort().join('|') === [...b.compatibleModels].sort().join('|')
  );
}

@Injectable()
export class SupplyItemsImporter implements KindImporter<SupplyItemRow> {
  readonly kind = 'supply-items' as const;
  readonly rowClass = SupplyItemRow;
  readonly keyField = 'reorderNumber' as const;

  constructor(
    private readonly items: SupplyItemsRepository,
    private readonly models: DeviceModelsRepository,
  ) {}

  async check(rows: readonly SupplyItemRow[]): Promise<FieldProblem[]> {
    const known = await this.models.findByCodes(rows.flatMap((row) => row.compatibleModels));
    return rows.flatMap((row, index) =>
      row.compatibleModels
        .filter((code) => !known.has(code))
        .map((code) => ({
          field: `rows.${index}.compatibleModels`,
          reason: `device model ${code} does not exist (import it first)`,
        })),
    );
  }

  async apply(rows: readonly SupplyItemRow[]): Promise<ImportCounts> {
    const existing = await this.items.findByReorderNumbers(rows.map((row) => row.reorderNumber));
    const counts = emptyCounts();
    for (const row of rows) {
      const item: SupplyItem = {
        reorderNumber: row.reorderNumber,
        description: row.description,
        kind: row.kind,
        bottlesPerCarton: row.bottlesPerCarton,
        compatibleModels: [...row.compatibleModels].sort(),
      };
      const stored = existing.get(row.reorderNumber);
      if (stored && sameItem(stored, item)) {
        counts.unchanged += 1;
        continue;
      }
      await this.items.save(item);
      counts[stored ? 'updated' : 'created'] += 1;
    }
    return counts;
  }
}
