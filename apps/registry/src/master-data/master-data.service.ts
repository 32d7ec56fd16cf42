import { Injectable, Logger } from '@nestjs/common';
import { FieldProblem, InvalidInputError } from '@metered/service-kit';
import { ImportRequestDto } from './dto/import-request.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { ImportKind, KindImporter } from './import-kind';
import { ContractsImporter } from './importers/contracts.importer';
import { DeviceModelsImporter } from './importers/device-models.importer';
import { DevicesImporter } from './importers/devices.importer';
import { SupplyItemsImporter } from './importers/supply-items.importer';
import { parseRows } from './rows/parse-rows';
import { duplicateKeys, MAX_PROBLEMS, validateRows } from './rows/validate-rows';

/**
 * Imports one file of master data: every row is parsed, validated and cross-checked first,
 * and only a file without any problem is stored (upsert by natural key). A re-import of the
 * same file changes nothing and publishes nothing.
 */
@Injectable()
export class MasterDataService {
  private readonly logger = new Logger(MasterDataService.name);
  private readonly importers: Record<ImportKind, KindImporter<object>>;

  constructor(
    deviceModels: DeviceModelsImporter,
    supplyItems: SupplyItemsImporter,
    devices: DevicesImporter,
    contracts: ContractsImporter,
  ) {
    this.importers = {
      'device-models': deviceModels,
      'supply-items': supplyItems,
      devices,
      contracts,
    } as unknown as Record<ImportKind, KindImporter<object>>;
  }

  async import(request: ImportRequestDto): Promise<ImportResultDto> {
    const importer = this.importers[request.kind];
    const parsed = parseRows(request.format, request.content);
    if ('problems' in parsed) throw new InvalidInputError(parsed.problems);
    const validated = await validateRows(importer.rowClass, parsed.rows);
    if ('problems' in validated) throw new InvalidInputError(validated.problems);
    const { rows } = validated;
    refuse(duplicateKeys(rows, importer.keyField as never));
    refuse(await importer.check(rows));
    const counts = await importer.apply(rows);
    this.logger.log(
      `imported ${rows.length} ${request.kind}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
    );
    return { kind: request.kind, ...counts };
  }
}

function refuse(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new InvalidInputError(problems.slice(0, MAX_PROBLEMS));
}
