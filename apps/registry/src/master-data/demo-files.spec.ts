import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarDay, Contract, decidingContract, isCovered } from '../contracts/domain/contract';
import { checkSerial } from '../serial-checks/domain/serial-check';
import { ContractRow, DeviceModelRow, DeviceRow, SupplyItemRow } from './rows/master-data.rows';
import { parseRows } from './rows/parse-rows';
import { duplicateKeys, validateRows } from './rows/validate-rows';

const DEMO = join(__dirname, '../../../../data/demo');
const file = (name: string) => readFileSync(join(DEMO, name), 'utf8');

async function rowsOf<R extends object>(
  rowClass: new () => R,
  name: string,
  key: keyof R & string,
) {
  const parsed = parseRows(name.endsWith('.csv') ? 'csv' : 'json', file(name));
  if ('problems' in parsed) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  const validated = await validateRows(rowClass, parsed.rows);
  if ('problems' in validated) throw new Error(`${name}: ${JSON.stringify(validated.problems)}`);
  expect(duplicateKeys(validated.rows, key)).toEqual([]);
  return validated.rows;
}

describe('the demo data set (data/demo) imports cleanly', () => {
  let models: DeviceModelRow[];
  let items: SupplyItemRow[];
  let devices: DeviceRow[];
  let contracts: ContractRow[];

  beforeAll(async () => {
    models = await rowsOf(DeviceModelRow, 'device-models.csv', 'code');
    items = await rowsOf(SupplyItemRow, 'supply-items.json', 'reorderNumber');
    devices = await rowsOf(DeviceRow, 'devices.csv', 'serial');
    contracts = await rowsOf(ContractRow, 'contracts.csv', 'contractId');
  });

  it('has every row valid and every reference resolvable in import order', () => {
    const codes = new Set(models.map((model) => model.code));
    const serials = new Set(devices.map((device) => device.serial));
    expect(items.flatMap((item) => item.compatibleModels).filter((c) => !codes.has(c))).toEqual([]);
    expect(devices.filter((device) => !codes.has(device.modelCode))).toEqual([]);
    expect(contracts.filter((contract) => !serials.has(contract.serial))).toEqual([]);
    expect(contracts.filter((contract) => contract.endsOn < contract.startsOn)).toEqual([]);
  });

  it('is realistic in size: dozens of models and items, hundreds of devices in both families', () => {
    expect(models.length).toBeGreaterThanOrEqual(25);
    expect(new Set(models.map((model) => model.family))).toEqual(new Set(['office', 'production']));
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(devices.length).toBeGreaterThanOrEqual(300);
    expect(
      models.filter((model) => !items.some((i) => i.compatibleModels.includes(model.code))),
    ).toEqual([]);
  });

  it('fits every file in one 64 kB request', () => {
    for (const name of ['device-models.csv', 'supply-items.json', 'devices.csv', 'contracts.csv']) {
      const body = JSON.stringify({ kind: 'devices', format: 'csv', content: file(name) });
      expect(Buffer.byteLength(body)).toBeLessThan(64 * 1024);
    }
  });

  it('gives the reserved serials the outcomes README.md promises', () => {
    const today = calendarDay();
    const outcome = (serial: string, country: string, extra: Contract[] = []) => {
      const device = devices.find((d) => d.serial === serial);
      const own = contracts.filter((c) => c.serial === serial).map((c) => ({ ...c }));
      return checkSerial(
        {
          serial,
          device: device && {
            ...device,
            contracts: [...own, ...extra],
            extraSupplyItems: [],
            removedSupplyItems: [],
          },
        },
        country,
        today,
      ).outcome;
    };
    for (const serial of [
      'ACME000001',
      'ACME000002',
      'ACME000003',
      'FREEUS0001',
      'FREEUS0002',
      'FREEUS0003',
    ]) {
      expect([serial, outcome(serial, 'US')]).toEqual([serial, 'eligible']);
    }
    for (const serial of ['GLOBEX0001', 'GLOBEX0002', 'FREEDE0001'])
      expect(outcome(serial, 'DE')).toBe('eligible');
    for (const serial of ['INITECH001', 'INITECH002', 'FREEGB0001'])
      expect(outcome(serial, 'GB')).toBe('eligible');
    expect(outcome('FREEDE0001', 'US')).toBe('other-country');
    for (const serial of ['NOCONTRACT01', 'NOCONTRACT02', 'EXPIRED0001', 'EXPIRED0002']) {
      expect(outcome(serial, 'US')).toBe('no-active-contract');
    }
    expect(outcome('UNKNOWN0001', 'US')).toBe('unknown-serial');
  });

  it("ends Initech's contracts with the after-approval file, which a later base import leaves alone", async () => {
    const amendments = await rowsOf(ContractRow, 'contracts-initech-expired.csv', 'contractId');
    const today = calendarDay();
    for (const serial of ['INITECH001', 'INITECH002']) {
      const base = contracts.filter((c) => c.serial === serial);
      const amended = [...base, ...amendments.filter((c) => c.serial === serial)];
      expect(isCovered(base, today)).toBe(true);
      expect(isCovered(amended, today)).toBe(false);
      expect(decidingContract(amended, today)?.endsOn).toBe('2026-06-30');
      // No contract id of the amendment is in the base file, so re-importing it changes nothing.
      expect(
        amendments.filter((a) => contracts.some((c) => c.contractId === a.contractId)),
      ).toEqual([]);
    }
  });
});
