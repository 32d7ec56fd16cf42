import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayClient } from './demo/gateway-client';
import { readDemoDataSet, DemoDataSet } from './demo/demo-accounts';
import { linkIn, MailCapture, tokenOf } from './demo/mail-capture';
import { demoFile, importMasterDataFile } from './demo/master-data-import';
import { MAIL_SUBJECTS, RegistrationFlow } from './demo/registration-flow';
import { loadDemoTelemetry } from './demo/telemetry-history';
import { REPO_ROOT } from './paths';
import { InfraUrls } from './settings';

export interface DemoEnv extends InfraUrls {
  MONGO_DB_PREFIX: string;
  /** Where the gateway answers, e.g. http://127.0.0.1:3000. */
  GATEWAY_URL: string;
  BOOTSTRAP_ADMIN_EMAIL: string;
  BOOTSTRAP_ADMIN_PASSWORD: string;
}

export const DEMO_DIR = join(REPO_ROOT, 'data/demo');

function log(line: string): void {
  console.log(`demo data: ${line}`);
}

/**
 * Seeds the demo after `up --demo` (`npm start`) once the apps are healthy: the registry's
 * master data (models, supply items, devices, contracts), staff users, and customer accounts
 * registered through the real flow (register → checks → validator approves → set password
 * from the emailed link). Idempotent: it runs on every `npm start`, and skips what exists.
 */
export async function loadDemoData(env: DemoEnv): Promise<void> {
  if (!existsSync(join(DEMO_DIR, 'demo-set.json'))) {
    log(`nothing to load: ${DEMO_DIR}/demo-set.json is missing`);
    return;
  }
  const set = readDemoDataSet(DEMO_DIR);
  const gateway = new GatewayClient(env.GATEWAY_URL);
  const mail = new MailCapture(env.MAIL_CAPTURE_URL);
  const admin = await gateway.login(env.BOOTSTRAP_ADMIN_EMAIL, env.BOOTSTRAP_ADMIN_PASSWORD);
  if (admin.status !== 200) {
    throw new Error(
      `the bootstrap admin ${env.BOOTSTRAP_ADMIN_EMAIL} cannot sign in (${admin.status})`,
    );
  }
  const adminToken = admin.body.accessToken;
  for (const { kind, file } of set.masterData) {
    const result = await importMasterDataFile(gateway, adminToken, kind, demoFile(DEMO_DIR, file));
    log(
      `${kind}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
  }
  await ensureStaff(set, gateway, mail, adminToken);
  await ensureAccounts(set, gateway, mail, adminToken);
  await ensureTelemetry(set, gateway);
  log(`ready — sign in with the users in README.md (password ${set.password})`);
}

async function signsIn(gateway: GatewayClient, email: string, password: string): Promise<boolean> {
  return (await gateway.login(email, password)).status === 200;
}

async function ensureStaff(
  set: DemoDataSet,
  gateway: GatewayClient,
  mail: MailCapture,
  adminToken: string,
): Promise<void> {
  for (const staff of set.staff) {
    if (await signsIn(gateway, staff.email, set.password)) continue;
    const created = await gateway.call('/api/users', { token: adminToken, body: staff });
    if (created.status !== 201 && created.status !== 409) {
      throw new Error(
        `creating ${staff.email} answered ${created.status}: ${JSON.stringify(created.body)}`,
      );
    }
    const email = await mail.waitFor(staff.email, MAIL_SUBJECTS.loginDetails, 45000);
    const token = tokenOf(linkIn(email, '/set-password'));
    await gateway.expect(204, '/api/auth/password/setup', {
      body: { token, password: set.password },
    });
    log(`staff user ${staff.email} (${staff.roles.join(', ')})`);
  }
}

async function ensureAccounts(
  set: DemoDataSet,
  gateway: GatewayClient,
  mail: MailCapture,
  adminToken: string,
): Promise<void> {
  const flow = new RegistrationFlow(gateway, mail);
  for (const account of set.accounts) {
    const { afterApproval, ...request } = account;
    if (await signsIn(gateway, account.email, set.password)) {
      // The base files are imported again on every start; what came after approval must be
      // re-applied too, or a re-import would undo it (imports are idempotent).
      await importAfterApproval(gateway, adminToken, afterApproval);
      continue;
    }
    const unfinished = await flow.findByEmail(adminToken, account.email);
    // A run stopped half-way (e.g. Ctrl-C) is finished, not started again (that would be a 409).
    const accountId = unfinished
      ? await flow.finish(adminToken, unfinished, set.password)
      : await flow.registerApproveAndActivate(adminToken, request, set.password);
    await importAfterApproval(gateway, adminToken, afterApproval);
    log(`customer ${account.email} — ${account.company}, account ${accountId}`);
  }
}

/** An agent per demo account and ~60 days of readings of its devices (telemetry-history.ts). */
async function ensureTelemetry(set: DemoDataSet, gateway: GatewayClient): Promise<void> {
  for (const account of set.accounts) {
    const login = await gateway.login(account.email, set.password);
    if (login.status !== 200) continue;
    try {
      log(
        `telemetry of ${account.company}: ${await loadDemoTelemetry(gateway, login.body.accessToken)}`,
      );
    } catch (error) {
      // The rest of the demo stays usable without it.
      log(`telemetry of ${account.company} not loaded: ${String(error)}`);
    }
  }
}

async function importAfterApproval(
  gateway: GatewayClient,
  adminToken: string,
  files: DemoDataSet['accounts'][number]['afterApproval'],
): Promise<void> {
  for (const { kind, file } of files ?? []) {
    await importMasterDataFile(gateway, adminToken, kind, demoFile(DEMO_DIR, file));
  }
}
