import { Injectable } from '@nestjs/common';
import type { FieldProblem } from '@metered/service-kit';
import { DeviceModelsRepository } from '../../device-models/persistence/device-models.repository';
import { emptyCounts, ImportCounts, KindImporter } from '../import-kind';
import { DeviceModelRow } from '../rows/master-data.rows';

@Injectable()
export class DeviceModelsImporter implements KindImporter<DeviceModelRow> {
  readonly kind = 'device-models' as const;
  readonly rowClass = DeviceModelRow;
  readonly keyField = 'code' as const;

  constructor(private readonly models: DeviceModelsRepository) {}

  async check(): Promise<FieldProblem[]> {
    return [];
  }

  async apply(rows: readonly DeviceModelRow[]): Promise<ImportCounts> {
    const existing = await this.models.findByCodes(rows.map((row) => row.code));
    const counts = emptyCounts();
    for (const row of rows) {
      const stored = existing.get(row.code);
      if (stored && stored.name === row.name && stored.family === row.family) {
        counts.unchanged += 1;
        continue;
      }
      await this.models.save({ code: row.code, name: row.name, family: row.family });
      counts[stored ? 'updated' : 'created'] += 1;
    }
    return counts;
  }
}
