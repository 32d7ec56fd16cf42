/**
 * Control characters through the public API against the real stack. A NUL in any text field,
 * query or path parameter used to reach the database, which refuses it (500); tabs and line
 * breaks slipped into one-line fields; bidirectional overrides in names and addresses reached
 * emails verbatim. One rule in every service's validation: 400 naming the field and the
 * reason, nothing stored — with tabs and line breaks allowed in multi-line fields only.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ApiCall } from '../../tools/stack/src/demo/gateway-client';
import { IdentityDatabase } from '../support/identity/registration-intake.support';
import { registrationRequest } from '../support/registration/registration-request.fixture';
import { securityWorld, SecurityWorld } from './support/security-world';

const NUL = '\u0000';
const RIGHT_TO_LEFT_OVERRIDE = '\u202e';
const FIRST_STRONG_ISOLATE = '\u2068';

type Errors = { errors?: { field: string; reason: string }[] };
type Answer = { status: number; body: unknown };

describe('control characters in input (real stack, through the gateway)', () => {
  let world: SecurityWorld;
  const identity = new IdentityDatabase();

  const call = (path: string, options: ApiCall = {}) => world.gateway.call<Errors>(path, options);
  const asAdmin = (path: string, options: ApiCall = {}) =>
    call(path, { token: world.tokens.admin, ...options });
  const asCustomer = (path: string, options: ApiCall = {}) =>
    call(path, { token: world.tokens.customer, ...options });

  beforeAll(async () => {
    world = await securityWorld({ everyone: false });
    await identity.open();
  }, 600000);

  afterAll(() => identity.close());

  /** Each answer is a 400 whose errors name the expected field; otherwise the label and why. */
  function refusals(answers: Array<[label: string, field: string, answer: Answer]>): string[] {
    return answers.flatMap(([label, field, { status, body }]) => {
      const fields = ((body as Errors).errors ?? []).map((error) => error.field);
      return status === 400 && fields.includes(field)
        ? []
        : [`${label}: ${status} ${JSON.stringify(body).slice(0, 200)}`];
    });
  }

  it('refuses NUL, other controls and bidi overrides in a registration (no sign-in needed) and stores nothing', async () => {
    const serial = world.customer.catalog[0].serial;
    const cases: Array<[string, (request: ReturnType<typeof registrationRequest>) => void]> = [
      ['company', (r) => (r.company = `Acme${NUL}`)],
      ['contactName', (r) => (r.contactName = `Pat${NUL}Example`)],
      ['contactName', (r) => (r.contactName = `Pat ${RIGHT_TO_LEFT_OVERRIDE}elpmaxE`)],
      ['contactName', (r) => (r.contactName = `Pat${FIRST_STRONG_ISOLATE}Example`)],
      ['company', (r) => (r.company = 'Acme\nPrinting')],
      ['phone', (r) => (r.phone = `+1 555${NUL}0100`)],
      ['shipTo.line1', (r) => (r.shipTo.line1 = `1 Main${NUL} Street`)],
      ['shipTo.city', (r) => (r.shipTo.city = `Roch${RIGHT_TO_LEFT_OVERRIDE}ester`)],
      ['shipTo.postalCode', (r) => (r.shipTo.postalCode = `146\t04`)],
      ['serials.0', (r) => (r.serials = [`${serial}${NUL}`])],
    ];
    const answers: Array<[string, string, Answer]> = [];
    const emails: string[] = [];
    for (const [field, spoil] of cases) {
      const request = registrationRequest([serial]);
      spoil(request);
      emails.push(request.email);
      answers.push([field, field, await call('/api/registrations', { body: request })]);
    }
    expect(refusals(answers)).toEqual([]);
    const [first] = answers;
    expect((first[2].body as Errors).errors).toEqual([
      { field: 'company', reason: expect.stringContaining('U+0000') },
    ]);
    for (const email of emails) expect(await identity.registrationsFor(email)).toBe(0);
  });

  it('refuses them in staff names, reasons, notes and ship-to addresses; multi-line fields keep their line breaks', async () => {
    const staffEmail = `staff.${randomUUID().slice(0, 8)}@staff.metered.test`;
    const anOrder = randomUUID();
    const open = await call('/api/registrations', {
      body: registrationRequest([`CTL${randomUUID().replace(/-/g, '').slice(0, 9)}`]),
    });
    expect(open.status).toBe(202);
    const registrationId = (open.body as { registrationId: string }).registrationId;
    const address = {
      line1: '200 Lake Road',
      city: 'Buffalo',
      state: 'NY',
      postalCode: '14201',
      country: 'US',
    };
    const shipTo = `/api/accounts/${world.customer.accountId}/ship-to`;

    expect(
      refusals([
        [
          'staff name',
          'name',
          await asAdmin('/api/users', {
            body: { email: staffEmail, name: `Sam${NUL}`, roles: ['helpdesk'], country: 'US' },
          }),
        ],
        [
          'rejection reason',
          'reason',
          await asAdmin(`/api/registrations/${registrationId}/reject`, {
            body: { reason: `No contract${NUL}` },
          }),
        ],
        [
          'cancel reason',
          'reason',
          await asCustomer(`/api/orders/${anOrder}/cancel`, { body: { reason: `oops${NUL}` } }),
        ],
        [
          'item request note',
          'note',
          await asCustomer('/api/account-requests/supply-items', {
            body: {
              serial: world.customer.catalog[0].serial,
              reorderNumber: 'R-NONE',
              note: `please${NUL}`,
            },
          }),
        ],
        [
          'ship-to line1',
          'line1',
          await asAdmin(shipTo, { method: 'PUT', body: { ...address, line1: `200${NUL} Lake` } }),
        ],
        [
          'ship-to city (bidi)',
          'city',
          await asAdmin(shipTo, {
            method: 'PUT',
            body: { ...address, city: `${RIGHT_TO_LEFT_OVERRIDE}olaffuB` },
          }),
        ],
        [
          'ship-to line2 (line break in a one-line field)',
          'line2',
          await asAdmin(shipTo, { method: 'PUT', body: { ...address, line2: 'Dock 4\nGate B' } }),
        ],
      ]),
    ).toEqual([]);

    // Nothing was changed or created by those.
    const users = await asAdmin(`/api/users?email=${encodeURIComponent(staffEmail)}`);
    expect((users.body as unknown as { items: unknown[] }).items).toEqual([]);
    const account = await asAdmin(`/api/accounts/${world.customer.accountId}`);
    expect(JSON.stringify(account.body)).not.toContain('Lake');

    // A reason is multi-line: its line breaks and tabs pass.
    const rejected = await asAdmin(`/api/registrations/${registrationId}/reject`, {
      body: { reason: 'No active contract.\r\n\tPlease call the helpdesk.' },
    });
    expect(rejected.status).toBe(200);
  });

  it('refuses them in query strings and path parameters', async () => {
    expect(
      refusals([
        ['accounts q', 'q', await asAdmin('/api/accounts?q=Acme%00')],
        ['orders serial', 'serial', await asCustomer('/api/orders?serial=%00')],
        ['devices serial', 'serial', await asAdmin('/api/devices/E2E%00SERIAL')],
        ['one order', 'order', await asCustomer('/api/orders/%00')],
        ['accounts q (bidi)', 'q', await asAdmin('/api/accounts?q=%E2%80%AEemcA')],
      ]),
    ).toEqual([]);
  });
});
