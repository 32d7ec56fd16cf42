import { Injectable } from '@nestjs/common';
import type { FieldProblem } from '@metered/service-kit';
import { DeviceModelsRepository } from '../../device-models/persistence/device-models.repository';
import { DevicesRepository } from '../../devices/persistence/devices.repository';
import { emptyCounts, ImportCounts, KindImporter } from '../import-kind';
import { DeviceRow } from '../rows/master-data.rows';

/**
 * Devices: serial, model and country. Contracts and the account link are left as they are;
 * a changed model or country publishes nothing (no consumer needs it yet).
 */
@Injectable()
export class DevicesImporter implements KindImporter<DeviceRow> {
  readonly kind = 'devices' as const;
  readonly rowClass = DeviceRow;
  readonly keyField = 'serial' as const;

  constructor(
    private readonly devices: DevicesRepository,
    private readonly models: DeviceModelsRepository,
  ) {}

  async check(rows: readonly DeviceRow[]): Promise<FieldProblem[]> {
    const known = await this.models.findByCodes(rows.map((row) => row.modelCode));
    return rows.flatMap((row, index) =>
      known.has(row.modelCode)
        ? []
        : [
            {
              field: `rows.${index}.modelCode`,
              reason: `device model ${row.modelCode} does not exist (import it first)`,
            },
          ],
    );
  }

  async apply(rows: readonly DeviceRow[]): Promise<ImportCounts> {
    const existing = await this.devices.findBySerials(rows.map((row) => row.serial));
    const counts = emptyCounts();
    for (const row of rows) {
      const stored = existing.get(row.serial);
      if (stored && stored.modelCode === row.modelCode && stored.country === row.country) {
        counts.unchanged += 1;
      } else if (!stored && (await this.devices.insert(row))) {
        counts.created += 1;
      } else {
        const changed = await this.devices.change(row.serial, (device) =>
          device && (device.modelCode !== row.modelCode || device.country !== row.country)
            ? { modelCode: row.modelCode, country: row.country, events: [] }
            : undefined,
        );
        counts[changed ? 'updated' : 'unchanged'] += 1;
      }
    }
    return counts;
  }
}
