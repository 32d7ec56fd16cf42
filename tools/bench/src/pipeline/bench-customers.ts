import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayClient } from '../../../stack/src/demo/gateway-client';
import { MailCapture } from '../../../stack/src/demo/mail-capture';
import { demoFile, importMasterDataFile } from '../../../stack/src/demo/master-data-import';
import { RegistrationFlow } from '../../../stack/src/demo/registration-flow';
import { BenchSettings } from '../settings';

const DEMO_DIR = join(__dirname, '../../../../data/demo');

/** A customer of the benchmark: signed in, with its serials and each serial's orderable items. */
export interface BenchCustomer {
  email: string;
  token: string;
  serials: { serial: string; items: string[] }[];
}

interface CatalogAnswer {
  items: { serial: string; covered: boolean; items: { reorderNumber: string }[] }[];
}

const log = (line: string) => console.log(`[bench] ${line}`);

/** Demo device models that have supply items: the bench devices are of these models. */
function modelsWithItems(): string[] {
  const items = JSON.parse(readFileSync(join(DEMO_DIR, 'supply-items.json'), 'utf8')) as {
    compatibleModels: string[];
  }[];
  return [...new Set(items.flatMap((item) => item.compatibleModels))].sort();
}

export function benchSerial(customer: number, index: number): string {
  return `BUYER${String(customer).padStart(2, '0')}${String(index).padStart(3, '0')}`;
}

/**
 * Makes sure the benchmark's customers exist, through the real flow like the demo loader:
 * the demo's models and supply items, then `customers` accounts (bench-buyer-N@bench.example)
 * of `serialsPerCustomer` devices each with current contracts. Idempotent: a later run signs in.
 */
export async function ensureBenchCustomers(settings: BenchSettings): Promise<BenchCustomer[]> {
  const gateway = new GatewayClient(settings.gatewayUrl);
  const admin = await gateway.login(settings.adminEmail, settings.adminPassword);
  if (admin.status !== 200) throw new Error(`bootstrap admin cannot sign in (${admin.status})`);
  const adminToken = admin.body.accessToken;
  await importMasterDataFile(
    gateway,
    adminToken,
    'device-models',
    demoFile(DEMO_DIR, 'device-models.csv'),
  );
  await importMasterDataFile(
    gateway,
    adminToken,
    'supply-items',
    demoFile(DEMO_DIR, 'supply-items.json'),
  );
  const models = modelsWithItems();
  const devices: object[] = [];
  const contracts: object[] = [];
  for (let c = 1; c <= settings.customers; c++) {
    for (let s = 1; s <= settings.serialsPerCustomer; s++) {
      const serial = benchSerial(c, s);
      devices.push({ serial, modelCode: models[(c * 7 + s) % models.length], country: 'US' });
      contracts.push({
        contractId: `BENCH-${serial}`,
        serial,
        status: 'active',
        startsOn: '2026-01-01',
        endsOn: '2099-12-31',
      });
    }
  }
  for (const [kind, rows] of [
    ['devices', devices],
    ['contracts', contracts],
  ] as const) {
    await gateway.expect(200, '/api/master-data/imports', {
      token: adminToken,
      body: { kind, format: 'json', content: JSON.stringify(rows) },
    });
  }

  const flow = new RegistrationFlow(gateway, new MailCapture(settings.mailCaptureUrl));
  const customers: BenchCustomer[] = [];
  for (let c = 1; c <= settings.customers; c++) {
    const email = `bench-buyer-${c}@bench.example`;
    let login = await gateway.login(email, settings.password);
    if (login.status !== 200) {
      const serials = Array.from({ length: settings.serialsPerCustomer }, (_, s) =>
        benchSerial(c, s + 1),
      );
      const unfinished = await flow.findByEmail(adminToken, email);
      // A run stopped half-way left a request that may no longer be approvable: start over.
      if (unfinished && unfinished.status !== 'approved')
        await flow.reject(adminToken, unfinished.registrationId, 'benchmark setup restarted');
      if (unfinished?.status === 'approved')
        await flow.finish(adminToken, unfinished, settings.password);
      else
        await flow.registerApproveAndActivate(
          adminToken,
          {
            company: `Bench Customer ${c}`,
            contactName: `Bench Buyer ${c}`,
            email,
            phone: '+1 555 010 0000',
            country: 'US',
            shipTo: {
              line1: `${c} Benchmark Way`,
              city: 'Rochester',
              state: 'NY',
              postalCode: '14604',
              country: 'US',
            },
            serials,
          },
          settings.password,
        );
      log(`customer ${email} registered`);
      login = await gateway.login(email, settings.password);
      if (login.status !== 200) throw new Error(`${email} cannot sign in (${login.status})`);
    }
    const token = login.body.accessToken;
    // Ordering learns of the serials by events: wait until its catalog has them all.
    const deadline = Date.now() + 60000;
    let catalog: CatalogAnswer = { items: [] };
    while (Date.now() < deadline) {
      const answer = await gateway.call<CatalogAnswer>('/api/orders/catalog/serials', { token });
      if (answer.status === 200) catalog = answer.body;
      if (catalog.items.filter((item) => item.covered).length >= settings.serialsPerCustomer) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const serials = catalog.items
      .filter((item) => item.covered && item.items.length > 0)
      .map((item) => ({ serial: item.serial, items: item.items.map((i) => i.reorderNumber) }));
    if (serials.length === 0)
      throw new Error(`${email}: ordering knows no covered serial with items`);
    // The bench streams far more orders per serial than the consumption allowance: the items
    // get an allowance above the load, so orders are placed (not held for review).
    for (const reorderNumber of new Set(serials.flatMap((serial) => serial.items))) {
      await gateway.call(`/api/orders/allowances/${encodeURIComponent(reorderNumber)}`, {
        method: 'PUT',
        token: adminToken,
        body: { allowanceBottles: 10_000 },
      });
    }
    customers.push({ email, token, serials });
  }
  return customers;
}
