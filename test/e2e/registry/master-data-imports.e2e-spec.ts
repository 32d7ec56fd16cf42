/**
 * The registry's master data over the real stack, through the gateway: CSV and JSON imports
 * with counts, all-or-nothing refusal naming rows.N.field, idempotent re-import, admin only,
 * and the read endpoints the staff use.
 */
import 'reflect-metadata';
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient } from '../../../tools/stack/src/demo/gateway-client';
import { useApps } from '../../support/stack-env';
import { adminToken, imported, importOwnModel, importRows, isoDay, tag } from './registry-harness';

describe('registry master data imports (real stack, through the gateway)', () => {
  let api: GatewayClient;
  let admin: string;

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    api = new GatewayClient(urls.gateway);
    admin = await adminToken(api);
  }, 600000);

  it('imports models, supply items, devices and contracts with counts; a re-import is all unchanged', async () => {
    const t = tag();
    const models = `code,name,family\nT-${t}A,Test ${t} A MFP,office\nT-${t}B,Test ${t} B Press,Production\n`;
    expect(await imported(api, admin, 'device-models', 'csv', models)).toEqual({
      kind: 'device-models',
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const items = [
      {
        reorderNumber: `TN-${t}K`,
        description: 'Toner, black',
        kind: 'toner',
        bottlesPerCarton: 4,
        compatibleModels: [`T-${t}A`, `t-${t}b`],
      },
      {
        reorderNumber: `dr-${t}`,
        description: 'Drum unit',
        kind: 'drum',
        bottlesPerCarton: 1,
        compatibleModels: [`T-${t}B`],
      },
    ];
    expect(await imported(api, admin, 'supply-items', 'json', JSON.stringify(items))).toMatchObject(
      { created: 2 },
    );
    const devices = `serial,modelCode,country\nE2R${t}001,T-${t}A,US\nE2R${t}002,T-${t}B,de\n`;
    expect(await imported(api, admin, 'devices', 'csv', devices)).toMatchObject({
      created: 2,
      unchanged: 0,
    });
    const contracts = `contractId,serial,status,startsOn,endsOn\nC-${t}-1,E2R${t}001,active,${isoDay(-100)},${isoDay(400)}\nC-${t}-2,E2R${t}002,active,2022-01-01,2024-12-31\n`;
    expect(await imported(api, admin, 'contracts', 'csv', contracts)).toMatchObject({ created: 2 });

    // The same files again: nothing changes.
    expect(await imported(api, admin, 'device-models', 'csv', models)).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await imported(api, admin, 'supply-items', 'json', JSON.stringify(items))).toMatchObject(
      { unchanged: 2 },
    );
    expect(await imported(api, admin, 'devices', 'csv', devices)).toMatchObject({ unchanged: 2 });
    expect(await imported(api, admin, 'contracts', 'csv', contracts)).toMatchObject({
      unchanged: 2,
    });

    // A changed row is an update.
    const renamed = models.replace(`Test ${t} A MFP`, `Test ${t} A2 MFP`);
    expect(await imported(api, admin, 'device-models', 'csv', renamed)).toMatchObject({
      updated: 1,
      unchanged: 1,
    });

    const device = await api.expect<Record<string, unknown>>(
      200,
      `/api/devices/e2r${t.toLowerCase()}001`,
      { token: admin },
    );
    expect(device).toMatchObject({
      serial: `E2R${t}001`,
      country: 'US',
      model: { code: `T-${t}A`, name: `Test ${t} A2 MFP`, family: 'office' },
      contract: { contractId: `C-${t}-1`, status: 'active' },
      covered: true,
      accountId: null,
      supplyItems: [{ reorderNumber: `TN-${t}K`, kind: 'toner', bottlesPerCarton: 4 }],
    });
    const expired = await api.expect<Record<string, unknown>>(200, `/api/devices/E2R${t}002`, {
      token: admin,
    });
    expect(expired).toMatchObject({
      country: 'DE',
      covered: false,
      model: { family: 'production' },
    });
    expect(
      (expired.supplyItems as { reorderNumber: string }[]).map((i) => i.reorderNumber).sort(),
    ).toEqual([`DR-${t}`, `TN-${t}K`]);

    const forModel = await api.expect<{ items: { reorderNumber: string }[] }>(
      200,
      `/api/supply-items?model=T-${t}B`,
      { token: admin },
    );
    expect(forModel.items.map((item) => item.reorderNumber).sort()).toEqual([
      `DR-${t}`,
      `TN-${t}K`,
    ]);
    const allModels = await api.expect<{ items: { code: string }[] }>(200, '/api/device-models', {
      token: admin,
    });
    expect(allModels.items.map((model) => model.code)).toEqual(
      expect.arrayContaining([`T-${t}A`, `T-${t}B`]),
    );
  });

  it('refuses a file with one bad row, naming rows.N.field, and stores nothing of it', async () => {
    const { code } = await importOwnModel(api, admin);
    const t = tag();
    const rows = [
      { serial: `E2R${t}001`, modelCode: code, country: 'US' },
      { serial: `E2R${t}002`, modelCode: code, country: 'US' },
      { serial: `E2R${t}003`, modelCode: `NOPE-${t}`, country: 'US' },
      { serial: 'BAD-SERIAL', modelCode: code, country: 'XX', colour: 'red' },
    ];
    const answer = await importRows(api, admin, 'devices', 'json', JSON.stringify(rows));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'rows.3.serial', reason: expect.any(String) },
        { field: 'rows.3.country', reason: expect.any(String) },
        { field: 'rows.3.colour', reason: 'property colour should not exist' },
      ]),
    );
    // Field problems come first; once fixed, the unknown model is named.
    const fixed = rows.slice(0, 3);
    const unknownModel = await importRows(api, admin, 'devices', 'json', JSON.stringify(fixed));
    expect(unknownModel.status).toBe(400);
    expect(unknownModel.body.errors).toEqual([
      { field: 'rows.2.modelCode', reason: expect.stringContaining(`NOPE-${t}`) },
    ]);
    for (const row of rows.slice(0, 3)) {
      expect((await api.call(`/api/devices/${row.serial}`, { token: admin })).status).toBe(404);
    }
    // Duplicates within a file, contracts of unknown devices, impossible dates.
    const dup = await importRows(
      api,
      admin,
      'devices',
      'csv',
      `serial,modelCode,country\nE2R${t}001,${code},US\nE2R${t}001,${code},DE`,
    );
    expect(dup.body.errors).toEqual([
      { field: 'rows.1.serial', reason: `E2R${t}001 is already in rows.0` },
    ]);
    const contracts = await importRows(
      api,
      admin,
      'contracts',
      'csv',
      `contractId,serial,status,startsOn,endsOn\nC-${t},E2R${t}009,active,2026-01-01,2025-12-31`,
    );
    expect(contracts.status).toBe(400);
    expect(contracts.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'rows.0.endsOn', reason: 'endsOn must not be before startsOn' },
        { field: 'rows.0.serial', reason: expect.stringContaining('does not exist') },
      ]),
    );
    const csvBroken = await importRows(
      api,
      admin,
      'devices',
      'csv',
      'serial,modelCode\n"unterminated',
    );
    expect(csvBroken.status).toBe(400);
    expect(csvBroken.body.errors[0].field).toBe('content');
  });

  it('lets only the admin import and only staff read', async () => {
    const body = {
      kind: 'device-models',
      format: 'csv',
      content: 'code,name,family\nX-1,X,office',
    };
    expect((await api.call('/api/master-data/imports', { body })).status).toBe(401);
    expect((await api.call('/api/device-models')).status).toBe(401);
    expect((await api.call('/api/accounts/6f1c1d5e-8a7b-4b8e-9d55-0a1b2c3d4e5f')).status).toBe(401);
    const unknownField = await api.call<{ errors: { field: string }[] }>(
      '/api/master-data/imports',
      {
        token: admin,
        body: { ...body, kind: 'printers', extra: 1 },
      },
    );
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors.map((e) => e.field).sort()).toEqual(['extra', 'kind']);
  });
});
