import { Injectable } from '@nestjs/common';
import { ContractChangedEvent } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import type { FieldProblem } from '@metered/service-kit';
import { toContractSummary } from '../../contracts/contract-summary';
import {
  calendarDay,
  Contract,
  decidingContract,
  mergeContracts,
  sameContract,
} from '../../contracts/domain/contract';
import type { Device } from '../../devices/domain/device';
import { DeviceChange, DevicesRepository } from '../../devices/persistence/devices.repository';
import { emptyCounts, ImportCounts, KindImporter } from '../import-kind';
import { ContractRow } from '../rows/master-data.rows';

function toContract(row: ContractRow): Contract {
  const { contractId, serial, status, startsOn, endsOn } = row;
  return { contractId, serial, status, startsOn, endsOn };
}

/**
 * Contracts are stored inside their device, so a changed contract and its `ContractChanged`
 * event (keyed by serial, like `SerialAdded`) are one write of one document, in order with
 * the device's other events. One event per device whose contracts changed, carrying the
 * contract that now decides its coverage and the account it belongs to.
 */
@Injectable()
export class ContractsImporter implements KindImporter<ContractRow> {
  readonly kind = 'contracts' as const;
  readonly rowClass = ContractRow;
  readonly keyField = 'contractId' as const;

  constructor(
    private readonly devices: DevicesRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async check(rows: readonly ContractRow[]): Promise<FieldProblem[]> {
    const devices = await this.devices.findBySerials(rows.map((row) => row.serial));
    const owners = await this.devices.serialsOfContracts(rows.map((row) => row.contractId));
    return rows.flatMap((row, index): FieldProblem[] => {
      const problems: FieldProblem[] = [];
      if (row.endsOn < row.startsOn) {
        problems.push({
          field: `rows.${index}.endsOn`,
          reason: 'endsOn must not be before startsOn',
        });
      }
      if (!devices.has(row.serial)) {
        problems.push({
          field: `rows.${index}.serial`,
          reason: `device ${row.serial} does not exist (import it first)`,
        });
      }
      const owner = owners.get(row.contractId);
      if (owner && owner !== row.serial) {
        problems.push({
          field: `rows.${index}.serial`,
          reason: `contract ${row.contractId} belongs to device ${owner}; a contract cannot move to another device`,
        });
      }
      return problems;
    });
  }

  async apply(rows: readonly ContractRow[]): Promise<ImportCounts> {
    const bySerial = new Map<string, Contract[]>();
    for (const row of rows)
      bySerial.set(row.serial, [...(bySerial.get(row.serial) ?? []), toContract(row)]);
    const devices = await this.devices.findBySerials([...bySerial.keys()]);
    const counts = emptyCounts();
    for (const [serial, contracts] of bySerial) {
      const before = new Map(devices.get(serial)?.contracts.map((c) => [c.contractId, c]));
      let changed = false;
      for (const contract of contracts) {
        const stored = before.get(contract.contractId);
        const outcome = !stored
          ? 'created'
          : sameContract(stored, contract)
            ? 'unchanged'
            : 'updated';
        counts[outcome] += 1;
        changed ||= outcome !== 'unchanged';
      }
      // Decided again under the lock: the device may have been linked meanwhile.
      if (changed) await this.devices.change(serial, (device) => this.decide(device, contracts));
    }
    return counts;
  }

  /** Under the device's lock: the merged contracts and the event, or nothing if no change. */
  private decide(device: Device | undefined, rows: readonly Contract[]): DeviceChange | undefined {
    if (!device) return undefined;
    const merged = mergeContracts(device.contracts, rows);
    const changed = rows.some((row) => {
      const stored = device.contracts.find((c) => c.contractId === row.contractId);
      return !stored || !sameContract(stored, row);
    });
    if (!changed) return undefined;
    const now = new Date();
    const deciding = decidingContract(merged, calendarDay(now)) as Contract;
    const event = this.outbox.create(ContractChangedEvent, {
      serial: device.serial,
      ...(device.accountId ? { accountId: device.accountId } : {}),
      contract: toContractSummary(deciding),
      changedAt: now.toISOString(),
    });
    return { contracts: merged, events: [event] };
  }
}
