import { randomBytes } from 'node:crypto';
import { GatewayClient } from '../../../tools/stack/src/demo/gateway-client';

/** Upper-case letters and digits, so it fits serials (8–15) and codes. */
export function uniqueTag(length = 6): string {
  return randomBytes(8).toString('hex').toUpperCase().slice(0, length);
}

/** Serials of one test's own devices, one per situation the registry's checks tell apart. */
export interface TestDevices {
  modelCode: string;
  reorderNumber: string;
  /** Active contract, country US. */
  eligible: string[];
  /** Contract ended last year. */
  expired: string;
  /** Known device without any contract. */
  noContract: string;
  /** Active contract but the device is in Germany. */
  german: string;
  /** Never imported. */
  unknown: string;
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function importRows(
  gateway: GatewayClient,
  token: string,
  kind: string,
  rows: object[],
): Promise<void> {
  const answer = await gateway.call('/api/master-data/imports', {
    token,
    body: { kind, format: 'json', content: JSON.stringify(rows) },
  });
  if (answer.status !== 200 && answer.status !== 201) {
    throw new Error(`import ${kind} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
}

/** Imports a model, a supply item and devices with contracts that only this test uses. */
export async function importTestDevices(
  gateway: GatewayClient,
  adminToken: string,
  eligibleCount = 2,
): Promise<TestDevices> {
  const tag = uniqueTag();
  const modelCode = `T-${tag}`;
  const reorderNumber = `R-${tag}`;
  const serial = (n: number) => `E2E${tag}${String(n).padStart(3, '0')}`;
  const devices: TestDevices = {
    modelCode,
    reorderNumber,
    eligible: Array.from({ length: eligibleCount }, (_, i) => serial(i + 1)),
    expired: serial(100),
    noContract: serial(101),
    german: serial(102),
    unknown: serial(103),
  };
  await importRows(gateway, adminToken, 'device-models', [
    { code: modelCode, name: `Test Model ${tag}`, family: 'office' },
  ]);
  await importRows(gateway, adminToken, 'supply-items', [
    {
      reorderNumber,
      description: `Black toner for Test Model ${tag}`,
      kind: 'toner',
      bottlesPerCarton: 4,
      compatibleModels: [modelCode],
    },
  ]);
  const usDevices = [...devices.eligible, devices.expired, devices.noContract];
  await importRows(gateway, adminToken, 'devices', [
    ...usDevices.map((s) => ({ serial: s, modelCode, country: 'US' })),
    { serial: devices.german, modelCode, country: 'DE' },
  ]);
  const active = { status: 'active', startsOn: isoDay(-200), endsOn: isoDay(500) };
  await importRows(gateway, adminToken, 'contracts', [
    ...[...devices.eligible, devices.german].map((s) => ({
      contractId: `C-${s}`,
      serial: s,
      ...active,
    })),
    {
      contractId: `C-${devices.expired}`,
      serial: devices.expired,
      status: 'active',
      startsOn: isoDay(-800),
      endsOn: isoDay(-30),
    },
  ]);
  return devices;
}
