/**
 * What the registry's end-to-end suites share: the admin's token (the bootstrap admin, signed
 * in at identity through the gateway), imports, and this test's own master data.
 */
import { randomBytes } from 'node:crypto';
import {
  GatewayClient,
  LoginAnswer,
  pollUntil,
} from '../../../tools/stack/src/demo/gateway-client';

export const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };

export type ImportKind = 'device-models' | 'supply-items' | 'devices' | 'contracts';
export interface ImportAnswer {
  kind: ImportKind;
  created: number;
  updated: number;
  unchanged: number;
}
export interface ProblemAnswer {
  statusCode: number;
  errors: { field: string; reason: string }[];
}

/** Upper-case hex: fits serials, model codes, reorder numbers and contract ids. */
export function tag(length = 6): string {
  return randomBytes(8).toString('hex').toUpperCase().slice(0, length);
}

/** Calendar day relative to today (UTC). */
export function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Signs the bootstrap admin in; identity may still be starting, so it polls. */
export async function adminToken(api: GatewayClient): Promise<string> {
  const answer = await pollUntil(
    () => api.login(ADMIN.email, ADMIN.password),
    (login) => login.status === 200,
    { timeoutMs: 60000, intervalMs: 1000 },
  );
  if (answer.status !== 200) {
    throw new Error(
      `the bootstrap admin cannot sign in: ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }
  return (answer.body as LoginAnswer).accessToken;
}

export function importRows(
  api: GatewayClient,
  token: string,
  kind: ImportKind,
  format: 'csv' | 'json',
  content: string,
) {
  return api.call<ImportAnswer & ProblemAnswer>('/api/master-data/imports', {
    token,
    body: { kind, format, content },
  });
}

/** Imports and expects success; returns the counts. */
export async function imported(
  api: GatewayClient,
  token: string,
  kind: ImportKind,
  format: 'csv' | 'json',
  content: string,
): Promise<ImportAnswer> {
  const answer = await importRows(api, token, kind, format, content);
  if (answer.status !== 200) {
    throw new Error(`import of ${kind} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** One test's own catalog: a model and two supply items for it. */
export async function importOwnModel(api: GatewayClient, token: string) {
  const code = `T-${tag()}`;
  await imported(
    api,
    token,
    'device-models',
    'csv',
    `code,name,family\n${code},Test Model ${code},office`,
  );
  const items = [
    {
      reorderNumber: `TN-${code}K`,
      description: 'Toner, black',
      kind: 'toner',
      bottlesPerCarton: 4,
      compatibleModels: [code],
    },
    {
      reorderNumber: `WT-${code}`,
      description: 'Waste toner container',
      kind: 'waste-container',
      bottlesPerCarton: 2,
      compatibleModels: [code],
    },
  ];
  await imported(api, token, 'supply-items', 'json', JSON.stringify(items));
  return { code, reorderNumbers: items.map((item) => item.reorderNumber) };
}
