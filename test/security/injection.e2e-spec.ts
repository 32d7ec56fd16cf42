/**
 * Injection through the public API against the real stack: MongoDB operators where strings
 * belong (bodies and query strings), prototype pollution, deeply nested JSON, and CR/LF in
 * names that end up in emails. Each refusal is a 4xx; nothing leaks and no service falls over.
 * (Oversized bodies → 413 are proven per service in test/e2e/gateway/gateway-proxy.e2e-spec.ts.)
 */
import { randomUUID } from 'node:crypto';
import { ApiCall, pollUntil } from '../../tools/stack/src/demo/gateway-client';
import { importTestDevices } from '../support/registration/master-data.fixture';
import { registrationRequest } from '../support/registration/registration-request.fixture';
import { testStackEnv } from '../support/stack-env';
import { securityWorld, SecurityWorld } from './support/security-world';

const GT = { $gt: '' };
type Answer = { status: number; body: unknown };

describe('injection (real stack, through the gateway)', () => {
  let world: SecurityWorld;
  let serial: string;
  let reorderNumber: string;

  const call = (path: string, options: ApiCall = {}) => world.gateway.call(path, options);
  const asCustomer = (path: string, options: ApiCall = {}) =>
    call(path, { token: world.tokens.customer, ...options });
  const asAdmin = (path: string, options: ApiCall = {}) =>
    call(path, { token: world.tokens.admin, ...options });

  beforeAll(async () => {
    world = await securityWorld({ everyone: false });
    serial = world.customer.catalog[0].serial;
    reorderNumber = world.customer.catalog[0].items[0].reorderNumber;
  }, 600000);

  afterAll(async () => {
    // Whatever was thrown at them, every service still answers (the gateway's health lists all).
    const health = await call('/api/health');
    expect(health.status).toBe(200);
  });

  function expect400(answers: Array<[string, Answer]>) {
    const wrong = answers
      .filter(([, answer]) => answer.status !== 400)
      .map(
        ([label, answer]) =>
          `${label}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`,
      );
    expect(wrong).toEqual([]);
  }

  it('refuses MongoDB operators in place of strings in every body field with 400', async () => {
    const login = { email: 'alice@acme.example', password: 'x' };
    const registration = registrationRequest([serial]) as unknown as Record<string, unknown>;
    const order = {
      serial,
      rows: [{ reorderNumber, fullCartonsOnsite: 0, bottlesOnsite: 0, quantity: 1 }],
    };
    const answers: Array<[string, Answer]> = [];
    for (const field of Object.keys(login)) {
      answers.push([
        `login.${field}`,
        await call('/api/auth/login', { body: { ...login, [field]: GT } }),
      ]);
    }
    for (const field of Object.keys(registration)) {
      const body = { ...registration, [field]: GT };
      answers.push([`registration.${field}`, await call('/api/registrations', { body })]);
    }
    answers.push([
      'registration.serials[0]',
      await call('/api/registrations', { body: { ...registration, serials: [{ $ne: null }] } }),
    ]);
    answers.push([
      'registration.shipTo.city',
      await call('/api/registrations', {
        body: { ...registration, shipTo: { ...(registration.shipTo as object), city: GT } },
      }),
    ]);
    for (const field of ['serial', 'shippingMethod', 'accountId']) {
      answers.push([
        `order.${field}`,
        await asCustomer('/api/orders', { body: { ...order, [field]: GT } }),
      ]);
    }
    answers.push([
      'order.rows[0].reorderNumber',
      await asCustomer('/api/orders', {
        body: { ...order, rows: [{ ...order.rows[0], reorderNumber: GT }] },
      }),
    ]);
    answers.push([
      'refresh.refreshToken',
      await call('/api/auth/refresh', { body: { refreshToken: GT } }),
    ]);
    answers.push([
      'forgot.email',
      await call('/api/auth/password/forgot', { body: { email: GT } }),
    ]);
    answers.push([
      'reset.token',
      await call('/api/auth/password/reset', {
        body: { token: GT, password: 'Long-Enough-Password-1' },
      }),
    ]);
    expect400(answers);
  });

  it('refuses operators in query strings (?status[$ne]=x) with 400', async () => {
    const answers: Array<[string, Answer]> = [
      ['orders status', await asCustomer('/api/orders?status[$ne]=x')],
      ['orders serial', await asCustomer('/api/orders?serial[$gt]=')],
      ['orders accountId (staff)', await asAdmin('/api/orders?accountId[$ne]=x')],
      ['catalog accountId (staff)', await asAdmin('/api/orders/catalog/serials?accountId[$ne]=x')],
      ['registrations status', await asAdmin('/api/registrations?status[$ne]=x')],
      ['emails to', await asAdmin('/api/emails?to[$ne]=x')],
      ['supply-items model', await asAdmin('/api/supply-items?model[$ne]=x')],
    ];
    expect400(answers);
    // The same operators as plain text are just text: nothing matches, nothing leaks.
    const literal = await asCustomer(`/api/orders?serial=${encodeURIComponent('{"$gt":""}')}`);
    expect([200, 400]).toContain(literal.status);
    if (literal.status === 200) expect(literal.body).toMatchObject({ items: [] });
  });

  it('refuses prototype pollution and grants nothing through it', async () => {
    const polluted = [
      '{"email":"alice@acme.example","password":"x","__proto__":{"roles":["admin"]}}',
      '{"email":"alice@acme.example","password":"x","constructor":{"prototype":{"roles":["admin"]}}}',
    ];
    for (const raw of polluted) {
      // Refused, or dropped by validation (class-transformer never copies __proto__): a plain
      // wrong-password answer, never a sign-in and never a crash.
      const answer = await rawPost(world.gateway.baseUrl, '/api/auth/login', raw);
      expect({ raw, refused: [400, 401].includes(answer.status) }).toEqual({ raw, refused: true });
    }
    const order = await rawPost(
      world.gateway.baseUrl,
      '/api/orders',
      `{"serial":"${serial}","rows":[],"__proto__":{"accountId":"ACC-OTHER","isAdmin":true}}`,
      world.tokens.customer,
    );
    expect([400, 404]).toContain(order.status);
    // Still a customer: staff-only data stays closed.
    expect((await asCustomer('/api/users')).status).toBe(403);
    const orders = await asCustomer(`/api/orders?accountId=${randomUUID()}`);
    expect(orders.status).toBe(200);
    expect(JSON.stringify(orders.body)).not.toContain('ACC-OTHER');
  });

  it('refuses deeply nested JSON with 400 and keeps answering', async () => {
    const depth = 5000;
    const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const deepArray = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const targets: Array<[string, string | undefined]> = [
      ['/api/auth/login', undefined],
      ['/api/registrations', undefined],
      ['/api/orders', world.tokens.customer],
      ['/api/master-data/imports', world.tokens.admin],
    ];
    for (const [path, token] of targets) {
      for (const [name, deep] of [
        ['object', deepObject],
        ['array', deepArray],
      ]) {
        const answer = await rawPost(world.gateway.baseUrl, path, `{"email":${deep}}`, token);
        expect({ path, name, status: answer.status }).toEqual({ path, name, status: 400 });
      }
    }
    expect((await call('/api/health')).status).toBe(200);
  });

  it('keeps CR/LF in names and company out of email headers', async () => {
    const devices = await importTestDevices(world.gateway, world.tokens.admin, 1);
    const injected = 'evil.' + Date.now() + '@attacker.example';
    const request = registrationRequest(devices.eligible, {
      contactName: `Pat\r\nBcc: ${injected}`,
      company: `Acme\r\nSubject: you won\r\nBcc: ${injected}`,
    });
    const answer = await call('/api/registrations', { body: request });
    expect([202, 400]).toContain(answer.status);
    if (answer.status === 400) return; // refused at input: nothing to mail
    const mailUrl = testStackEnv().MAIL_CAPTURE_URL;
    const received = await pollUntil(
      () => mailSearch(mailUrl, `to:"${request.email}"`),
      (messages) => messages.length > 0,
      { timeoutMs: 45000, intervalMs: 500 },
    );
    expect(received.length).toBeGreaterThan(0);
    for (const message of received) {
      expect(message.Bcc ?? []).toEqual([]);
      expect((message.Cc ?? []).length).toBe(0);
      expect(message.To.map((to) => to.Address)).toEqual([request.email]);
      expect(message.Subject).not.toMatch(/you won/);
    }
    expect(await mailSearch(mailUrl, `to:"${injected}"`)).toEqual([]);
    expect(await mailSearch(mailUrl, `bcc:"${injected}"`)).toEqual([]);
  });
});

interface MailSummary {
  To: { Address: string }[];
  Cc?: { Address: string }[];
  Bcc?: { Address: string }[];
  Subject: string;
}

async function mailSearch(baseUrl: string, query: string): Promise<MailSummary[]> {
  const response = await fetch(`${baseUrl}/api/v1/search?query=${encodeURIComponent(query)}`);
  const { messages } = (await response.json()) as { messages: MailSummary[] | null };
  return messages ?? [];
}

async function rawPost(baseUrl: string, path: string, raw: string, token?: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: raw,
  });
  return { status: response.status, body: await response.text() };
}
