/**
 * The authorization matrix (issue 5, issue 7): every operation of the public API, read from
 * the gateway's merged OpenAPI document, × every kind of caller, through the gateway against
 * the real stack. Expected answers come from ACCESS_RULES; an operation without a rule fails.
 * "Allowed" means anything but 401/403 (the probe body is deliberately invalid, so allowed
 * writes stop at validation and change nothing); denied means 401 anonymous, 403 wrong role,
 * and the rule's status (404) for a customer reaching into another account.
 */
import { randomUUID } from 'node:crypto';
import { SERVICE_NAMES, ServiceName } from '@metered/service-kit';
import { GatewayClient } from '../../tools/stack/src/demo/gateway-client';
import { importTestDevices } from '../support/registration/master-data.fixture';
import { appUrl } from '../support/stack-env';
import { ACCESS_RULES, AccessRule, WorldIds } from './authorization-rules';
import { Caller, CALLERS, securityWorld, SecurityWorld } from './support/security-world';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = Uppercase<(typeof METHODS)[number]>;
type Expected = 'allowed' | number;
/** Fails validation everywhere (unknown property), so an allowed write changes nothing. */
const PROBE_BODY = { matrixProbe: true };

interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
  'x-unavailable-services'?: string[];
}

function operationsOf(document: OpenApiDocument, prefix = ''): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((m) => `${m.toUpperCase()} ${prefix}${path}`),
  );
}

export function expectedFor(rule: AccessRule, caller: Caller): Expected {
  if (rule.allow === 'anyone') return 'allowed';
  if (caller === 'anonymous') return 401;
  // A user's token is never an agent's credential.
  if (rule.allow === 'agents') return 401;
  if (rule.allow === 'signed-in') return 'allowed';
  const role = caller === 'otherCustomer' ? 'customer' : caller;
  if (!rule.allow.includes(role)) return 403;
  if (caller === 'otherCustomer' && rule.otherAccount) return rule.otherAccount.status;
  return 'allowed';
}

describe('authorization matrix: every operation × every caller (real stack)', () => {
  let world: SecurityWorld;
  let operations: string[];
  let ids: WorldIds;

  beforeAll(async () => {
    world = await securityWorld({ order: true });
    const document = await world.gateway.expect<OpenApiDocument>(200, '/api/docs-json');
    expect(document['x-unavailable-services']).toEqual([]);
    operations = operationsOf(document);
    ids = await worldIds(world, operations);
  }, 600000);

  it("lists every service's own operations in the gateway's document", async () => {
    const hidden: string[] = [];
    for (const service of SERVICE_NAMES.filter((name) => name !== 'gateway')) {
      const own = await new GatewayClient(appUrl(service as ServiceName)).expect<OpenApiDocument>(
        200,
        '/docs-json',
      );
      for (const operation of operationsOf(own, '/api')) {
        if (/ \/api\/(health|metrics)\b/.test(operation)) continue;
        if (!operations.includes(operation)) hidden.push(`${service}: ${operation}`);
      }
    }
    expect(hidden).toEqual([]);
  });

  it('has a rule for every operation', () => {
    expect(operations.filter((operation) => !(operation in ACCESS_RULES))).toEqual([]);
    const unused = Object.keys(ACCESS_RULES).filter((key) => !operations.includes(key));
    // Rules for endpoints that have not landed (yet) are harmless; show them.
    if (unused.length)
      console.log(`rules without an operation (not deployed): ${unused.join(', ')}`);
  });

  it('answers each caller as the rules say', async () => {
    const cases = operations
      .filter((operation) => operation in ACCESS_RULES)
      .flatMap((operation) => CALLERS.map((caller) => ({ operation, caller })));
    const wrong: string[] = [];
    await inBatches(cases, 6, async ({ operation, caller }) => {
      const problem = await check(world, ids, operation, caller);
      if (problem) wrong.push(problem);
    });
    console.log(
      `authorization matrix: ${operations.length} operations × ${CALLERS.length} callers = ${cases.length} calls, ${wrong.length} wrong`,
    );
    expect(wrong.sort()).toEqual([]);
  });
});

async function check(
  world: SecurityWorld,
  ids: WorldIds,
  operation: string,
  caller: Caller,
): Promise<string | null> {
  const [method, template] = operation.split(' ') as [Method, string];
  const rule = ACCESS_RULES[operation];
  const expected = expectedFor(rule, caller);
  const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = rule.params?.[name] ?? ids[name];
    if (value === undefined) throw new Error(`${operation}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const other = caller === 'otherCustomer';
  const query = other && rule.noLeak ? rule.noLeak.query(ids) : '';
  const otherBody = other ? rule.otherAccount?.body : undefined;
  const body = method === 'GET' ? undefined : otherBody ? otherBody(ids) : PROBE_BODY;
  const token = caller === 'anonymous' ? undefined : world.tokens[caller];
  const answer = await world.gateway.call(`${path}${query}`, { method, token, body });
  const status = answer.status;
  const label = `${operation} as ${caller}: expected ${expected}, got ${status}`;
  if (expected === 'allowed') {
    if (status === 401 || status === 403 || status >= 500) return `${label} ${brief(answer.body)}`;
  } else if (status !== expected) {
    return `${label} ${brief(answer.body)}`;
  }
  if (other && rule.noLeak && JSON.stringify(answer.body).includes(ids.accountId)) {
    return `${operation}${query} as otherCustomer shows account A's data`;
  }
  return null;
}

function brief(body: unknown): string {
  return JSON.stringify(body)?.slice(0, 160) ?? '';
}

/** Real ids of account A; a request of A when the requests endpoint is deployed. */
async function worldIds(world: SecurityWorld, operations: string[]): Promise<WorldIds> {
  const serial = world.customer.catalog[0];
  const ids: WorldIds = {
    accountId: world.customer.accountId,
    serial: serial.serial,
    reorderNumber: serial.items[0].reorderNumber,
    order: world.orderId ?? randomUUID(),
    requestId: randomUUID(),
    id: randomUUID(),
  };
  if (operations.includes('POST /api/account-requests/machines')) {
    // A request needs a machine that passes the checks: a fresh, unlinked, covered device.
    const fresh = await importTestDevices(world.gateway, world.tokens.admin, 1);
    const created = await world.gateway.expect<{ requestId: string }>(
      201,
      '/api/account-requests/machines',
      {
        token: world.tokens.customer,
        body: { proofSerial: ids.serial, serials: [fresh.eligible[0]] },
      },
    );
    ids.requestId = created.requestId;
  }
  return ids;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(run));
  }
}
