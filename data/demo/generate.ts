/**
 * Generates the demo master data (device models, supply items, devices, contracts) and the
 * demo set the stack's loader reads. Deterministic: a seeded generator, so every run writes
 * the same files. Run from the repository root: `npx tsx data/demo/generate.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ITEMS, MODELS } from './catalog';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STAFF, RESERVED_DEVICES } from './reserved';

const OUT = __dirname;

/** mulberry32: tiny, seedable, good enough for demo data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261127);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];

/** How many generated devices each country gets (the reserved demo serials come on top). */
const DEVICES_PER_COUNTRY: Record<string, number> = {
  US: 70,
  CA: 20,
  MX: 15,
  BR: 15,
  GB: 35,
  DE: 40,
  FR: 30,
  NL: 15,
  AU: 20,
  JP: 25,
  SG: 15,
};

interface Device {
  serial: string;
  modelCode: string;
  country: string;
}
interface Contract {
  contractId: string;
  serial: string;
  status: string;
  startsOn: string;
  endsOn: string;
}

const LETTERS = [...'ABCDEFGHJKLMNPRSTUVWXYZ'];
const DIGITS = [...'0123456789'];
function serialNumber(taken: Set<string>): string {
  for (;;) {
    // The vendor's shape: a letter, two digits, a letter, five digits and a check letter.
    const serial = [
      pick(LETTERS),
      pick(DIGITS),
      pick(DIGITS),
      pick(LETTERS),
      ...Array.from({ length: 5 }, () => pick(DIGITS)),
      pick(LETTERS),
    ].join('');
    if (!taken.has(serial)) {
      taken.add(serial);
      return serial;
    }
  }
}

const day = (year: number, month: number, date: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

let contractSequence = 0;
function contractId(year: string): string {
  contractSequence += 1;
  return `MS-${year}-${String(contractSequence).padStart(6, '0')}`;
}
function contract(serial: string, status: string, startsOn: string, endsOn: string): Contract {
  return { contractId: contractId(startsOn.slice(0, 4)), serial, status, startsOn, endsOn };
}

/** Contracts of a generated device: mostly current, some expired, renewed, ended or none. */
function contractsOf(serial: string): Contract[] {
  const roll = next();
  const start = day(pick([2024, 2025, 2025, 2026]), pick([1, 1, 4, 7]), 1);
  const end = day(pick([2027, 2028, 2028, 2029]), 12, 31);
  if (roll < 0.74) return [contract(serial, 'active', start, end)];
  if (roll < 0.82)
    return [
      contract(
        serial,
        'active',
        day(2022, pick([1, 7]), 1),
        pick([day(2025, 6, 30), day(2025, 12, 31), day(2026, 3, 31), day(2026, 9, 30)]),
      ),
    ];
  if (roll < 0.88) {
    // Renewed: the old contract ended, the new one runs.
    return [
      contract(serial, 'active', day(2021, 1, 1), day(2024, 12, 31)),
      contract(serial, 'active', day(2025, 1, 1), end),
    ];
  }
  if (roll < 0.91) return [contract(serial, 'suspended', start, end)];
  if (roll < 0.93) return [contract(serial, 'terminated', day(2024, 1, 1), end)];
  return [];
}

function generate() {
  const taken = new Set(RESERVED_DEVICES.map((device) => device.serial));
  const devices: Device[] = [];
  const contracts: Contract[] = [];
  for (const [country, count] of Object.entries(DEVICES_PER_COUNTRY)) {
    for (let i = 0; i < count; i += 1) {
      const model =
        next() < 0.22
          ? pick(MODELS.filter((m) => m.family === 'production'))
          : pick(MODELS.filter((m) => m.family === 'office'));
      const serial = serialNumber(taken);
      devices.push({ serial, modelCode: model.code, country });
      contracts.push(...contractsOf(serial));
    }
  }
  for (const reserved of RESERVED_DEVICES) {
    devices.push({
      serial: reserved.serial,
      modelCode: reserved.modelCode,
      country: reserved.country,
    });
    if (reserved.contract === 'active')
      contracts.push({
        ...contract(reserved.serial, 'active', '2025-01-01', '2028-12-31'),
        contractId: `MS-DEMO-${reserved.serial}`,
      });
    if (reserved.contract === 'expired')
      contracts.push({
        ...contract(reserved.serial, 'active', '2023-01-01', '2026-03-31'),
        contractId: `MS-DEMO-${reserved.serial}`,
      });
  }
  return { devices, contracts };
}

function csv<T extends object>(rows: readonly T[], columns: (keyof T & string)[]): string {
  const cell = (value: unknown) => {
    const text = Array.isArray(value) ? value.join('|') : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join(
      '\n',
    ) + '\n'
  );
}

const { devices, contracts } = generate();
const write = (file: string, text: string) => writeFileSync(join(OUT, file), text);
write('device-models.csv', csv(MODELS, ['code', 'name', 'family']));
write('supply-items.json', JSON.stringify(ITEMS, null, 2) + '\n');
write('devices.csv', csv(devices, ['serial', 'modelCode', 'country']));
write('contracts.csv', csv(contracts, ['contractId', 'serial', 'status', 'startsOn', 'endsOn']));
// Initech's contracts ended after approval: the loader imports this once Initech is linked.
// An amendment with its own id (the latest started contract decides) rather than a new
// version of the base rows, so re-importing contracts.csv on the next start does not
// revive the base contracts.
const initech = RESERVED_DEVICES.filter((device) => device.account === 'initech');
write(
  'contracts-initech-expired.csv',
  csv(
    initech.map((device) => ({
      contractId: `MS-DEMO-${device.serial}-A1`,
      serial: device.serial,
      status: 'active',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    })),
    ['contractId', 'serial', 'status', 'startsOn', 'endsOn'],
  ),
);
write(
  'demo-set.json',
  JSON.stringify(
    {
      password: DEMO_PASSWORD,
      staff: DEMO_STAFF,
      accounts: DEMO_ACCOUNTS,
      masterData: [
        { kind: 'device-models', file: 'device-models.csv' },
        { kind: 'supply-items', file: 'supply-items.json' },
        { kind: 'devices', file: 'devices.csv' },
        { kind: 'contracts', file: 'contracts.csv' },
      ],
    },
    null,
    2,
  ) + '\n',
);
console.log(
  `${MODELS.length} models, ${ITEMS.length} supply items, ${devices.length} devices, ${contracts.length} contracts`,
);
