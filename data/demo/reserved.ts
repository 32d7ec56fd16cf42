/**
 * The demo serials people use by name: the demo customer accounts the loader registers
 * through the real flow, and free serials for trying registration by hand. Listed in
 * README.md; keep the two in step.
 */
export interface ReservedDevice {
  serial: string;
  modelCode: string;
  country: string;
  contract: 'active' | 'expired' | 'none';
  /** The demo account it is registered to, if any. */
  account?: 'acme' | 'globex' | 'initech';
}

export const RESERVED_DEVICES: ReservedDevice[] = [
  // Acme Office Supplies (US): three covered devices.
  {
    serial: 'ACME000001',
    modelCode: 'LM-C3540',
    country: 'US',
    contract: 'active',
    account: 'acme',
  },
  {
    serial: 'ACME000002',
    modelCode: 'LM-M4045',
    country: 'US',
    contract: 'active',
    account: 'acme',
  },
  {
    serial: 'ACME000003',
    modelCode: 'PR-C7100',
    country: 'US',
    contract: 'active',
    account: 'acme',
  },
  // Globex GmbH (DE): two covered devices.
  {
    serial: 'GLOBEX0001',
    modelCode: 'LM-C4540',
    country: 'DE',
    contract: 'active',
    account: 'globex',
  },
  {
    serial: 'GLOBEX0002',
    modelCode: 'LM-P2020',
    country: 'DE',
    contract: 'active',
    account: 'globex',
  },
  // Initech Ltd (GB): covered at registration; contracts-initech-expired.csv ends them later.
  {
    serial: 'INITECH001',
    modelCode: 'LM-C2525',
    country: 'GB',
    contract: 'active',
    account: 'initech',
  },
  {
    serial: 'INITECH002',
    modelCode: 'LM-M3035',
    country: 'GB',
    contract: 'active',
    account: 'initech',
  },
  // Free serials for trying registration by hand.
  { serial: 'FREEUS0001', modelCode: 'LM-C3035', country: 'US', contract: 'active' },
  { serial: 'FREEUS0002', modelCode: 'LM-M5055', country: 'US', contract: 'active' },
  { serial: 'FREEUS0003', modelCode: 'PR-C8100', country: 'US', contract: 'active' },
  { serial: 'FREEDE0001', modelCode: 'LM-C5560', country: 'DE', contract: 'active' },
  { serial: 'FREEGB0001', modelCode: 'LM-P3040C', country: 'GB', contract: 'active' },
  { serial: 'NOCONTRACT01', modelCode: 'LM-C2530', country: 'US', contract: 'none' },
  { serial: 'NOCONTRACT02', modelCode: 'LM-P4050', country: 'US', contract: 'none' },
  { serial: 'EXPIRED0001', modelCode: 'LM-M6065', country: 'US', contract: 'expired' },
  { serial: 'EXPIRED0002', modelCode: 'PR-M8120', country: 'US', contract: 'expired' },
];

/** Every demo user (staff and customers) signs in with this password. */
export const DEMO_PASSWORD = 'Metered-Demo-2026!';

export const DEMO_STAFF = [
  { email: 'validator@metered.local', name: 'Vera Validator', roles: ['validator'], country: 'US' },
  { email: 'helpdesk@metered.local', name: 'Harry Helpdesk', roles: ['helpdesk'], country: 'US' },
  { email: 'ops@metered.local', name: 'Olga Operations', roles: ['ops'], country: 'US' },
];

const serialsOf = (account: ReservedDevice['account']) =>
  RESERVED_DEVICES.filter((device) => device.account === account).map((device) => device.serial);

export const DEMO_ACCOUNTS = [
  {
    company: 'Acme Office Supplies',
    contactName: 'Alice Anderson',
    email: 'alice@acme.example',
    phone: '+1 312 555 0142',
    country: 'US',
    shipTo: {
      line1: '350 North Orleans Street',
      line2: 'Suite 900',
      city: 'Chicago',
      state: 'IL',
      postalCode: '60654',
      country: 'US',
    },
    serials: serialsOf('acme'),
  },
  {
    company: 'Globex GmbH',
    contactName: 'Gerhard Gruber',
    email: 'gerhard@globex.example',
    phone: '+49 89 5550 1234',
    country: 'DE',
    shipTo: { line1: 'Leopoldstraße 120', city: 'München', postalCode: '80802', country: 'DE' },
    serials: serialsOf('globex'),
  },
  {
    company: 'Initech Ltd',
    contactName: 'Ian Ingram',
    email: 'ian@initech.example',
    phone: '+44 20 7946 0321',
    country: 'GB',
    shipTo: { line1: '12 Bishopsgate', city: 'London', postalCode: 'EC2N 4AJ', country: 'GB' },
    serials: serialsOf('initech'),
    afterApproval: [{ kind: 'contracts', file: 'contracts-initech-expired.csv' }],
  },
];
