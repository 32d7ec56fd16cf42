import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A demo customer account, registered through the real flow (data/demo/accounts.json). */
export interface DemoAccount {
  company: string;
  contactName: string;
  email: string;
  phone: string;
  country: string;
  shipTo: Record<string, string>;
  serials: string[];
  /** Master data imported after approval, e.g. contracts that have since ended. */
  afterApproval?: { kind: string; file: string }[];
}

/** A demo staff user, created by the bootstrap admin. */
export interface DemoStaffUser {
  email: string;
  name: string;
  roles: string[];
  country: string;
}

export interface DemoDataSet {
  /** The password every demo user (customers and staff) signs in with. */
  password: string;
  staff: DemoStaffUser[];
  accounts: DemoAccount[];
  /** Master data files in import order, relative to data/demo. */
  masterData: { kind: string; file: string }[];
}

export function readDemoDataSet(demoDir: string): DemoDataSet {
  return JSON.parse(readFileSync(join(demoDir, 'demo-set.json'), 'utf8')) as DemoDataSet;
}
