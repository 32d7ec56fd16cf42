import 'reflect-metadata';
import { ContractRow, DeviceModelRow, DeviceRow, SupplyItemRow } from './master-data.rows';
import { parseRows } from './parse-rows';
import { duplicateKeys, validateRows } from './validate-rows';

async function csvRows<R extends object>(rowClass: new () => R, csv: string) {
  const parsed = parseRows('csv', csv);
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return validateRows(rowClass, parsed.rows);
}

describe('validating master data rows', () => {
  it('normalises device rows: serial, model code and country upper-cased', async () => {
    const result = await csvRows(DeviceRow, 'serial,modelCode,country\n ab12345678 ,lm-c3540,us');
    expect(result).toEqual({
      rows: [{ serial: 'AB12345678', modelCode: 'LM-C3540', country: 'US' }],
    });
  });

  it('names every bad field by row index and field, and refuses unknown columns', async () => {
    const result = await csvRows(
      DeviceRow,
      'serial,modelCode,country,colour\nAB12345678,LM-1,US,red\nAB-123,LM-1,XX,',
    );
    expect(result).toEqual({
      problems: expect.arrayContaining([
        { field: 'rows.0.colour', reason: 'property colour should not exist' },
        { field: 'rows.1.serial', reason: 'serial must be 8-15 letters and digits' },
        { field: 'rows.1.country', reason: expect.stringContaining('country must be one of') },
      ]),
    });
  });

  it('reports a missing required cell', async () => {
    const result = await csvRows(DeviceModelRow, 'code,name,family\nLM-1,,office');
    expect(result).toEqual({
      problems: expect.arrayContaining([
        { field: 'rows.0.name', reason: 'name should not be empty' },
      ]),
    });
  });

  it('reads supply items from CSV: numbers from text, compatible models split on |', async () => {
    const result = await csvRows(
      SupplyItemRow,
      'reorderNumber,description,kind,bottlesPerCarton,compatibleModels\ntk-1,"Toner, black",Toner,6,lm-1| lm-2 |LM-1',
    );
    expect(result).toEqual({
      rows: [
        {
          reorderNumber: 'TK-1',
          description: 'Toner, black',
          kind: 'toner',
          bottlesPerCarton: 6,
          compatibleModels: ['LM-1', 'LM-2'],
        },
      ],
    });
  });

  it('refuses a carton size that is not a positive whole number', async () => {
    const result = await validateRows(SupplyItemRow, [
      {
        reorderNumber: 'TK-1',
        description: 'x',
        kind: 'toner',
        bottlesPerCarton: '2.5',
        compatibleModels: ['LM-1'],
      },
      {
        reorderNumber: 'TK-2',
        description: 'x',
        kind: 'toner',
        bottlesPerCarton: 0,
        compatibleModels: [],
      },
    ]);
    expect(result).toEqual({
      problems: expect.arrayContaining([
        { field: 'rows.0.bottlesPerCarton', reason: 'bottlesPerCarton must be an integer number' },
        { field: 'rows.1.bottlesPerCarton', reason: 'bottlesPerCarton must not be less than 1' },
        { field: 'rows.1.compatibleModels', reason: expect.stringContaining('at least 1') },
      ]),
    });
  });

  it('accepts contracts with real calendar days and refuses impossible ones', async () => {
    const good = {
      contractId: 'ms-1',
      serial: 'AB12345678',
      status: 'Active',
      startsOn: '2025-01-01',
      endsOn: '2028-12-31',
    };
    expect(await validateRows(ContractRow, [good])).toEqual({
      rows: [{ ...good, contractId: 'MS-1', status: 'active' }],
    });
    const result = await validateRows(ContractRow, [
      { ...good, endsOn: '2026-02-30' },
      { ...good, startsOn: '1/1/2025' },
    ]);
    expect(result).toEqual({
      problems: expect.arrayContaining([
        { field: 'rows.0.endsOn', reason: 'endsOn must be a real calendar day' },
        { field: 'rows.1.startsOn', reason: 'startsOn must be a day as YYYY-MM-DD' },
      ]),
    });
  });

  it('finds a natural key given twice in one file', () => {
    expect(duplicateKeys([{ code: 'A' }, { code: 'B' }, { code: 'A' }], 'code')).toEqual([
      { field: 'rows.2.code', reason: 'A is already in rows.0' },
    ]);
  });
});
