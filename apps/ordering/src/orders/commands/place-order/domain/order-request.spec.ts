import type { SerialView } from '../../../../read-models/domain/serial-view';
import { decideOrder, type OrderContext, type RequestedRow } from './order-request';
import { defaultAllowance } from './sense-check';

const NOW = new Date('2026-03-14T10:00:00Z');

function view(overrides: Partial<SerialView> = {}): SerialView {
  return {
    serial: 'E72345A6N1',
    accountId: 'acc-1',
    country: 'US',
    model: { code: 'VL-C405', name: 'VersaLink C405', family: 'office' },
    shipTo: { line1: '1 Main St', city: 'Rochester', postalCode: '14604', country: 'US' },
    supplyItems: [
      { reorderNumber: 'TK-1', description: 'Black toner', kind: 'toner', bottlesPerCarton: 4 },
      { reorderNumber: 'TK-2', description: 'Cyan toner', kind: 'toner', bottlesPerCarton: 2 },
    ],
    contract: { contractId: 'C-1', status: 'active', startsOn: '2025-01-01', endsOn: '2027-12-31' },
    ...overrides,
  };
}

function context(overrides: Partial<OrderContext> = {}): OrderContext {
  return {
    channel: 'web',
    now: NOW,
    maxCartonsPerRow: 4,
    allowanceOf: defaultAllowance(2),
    ...overrides,
  };
}

function row(overrides: Partial<RequestedRow> = {}): RequestedRow {
  return {
    reorderNumber: 'TK-1',
    fullCartonsOnsite: 0,
    bottlesOnsite: 1,
    quantity: 4,
    ...overrides,
  };
}

describe('decideOrder', () => {
  it('places an order within contract, items and allowance, shipping standard', () => {
    const decision = decideOrder(
      { rows: [row(), row({ reorderNumber: 'TK-2', quantity: 1 })] },
      view(),
      context(),
    );
    expect(decision).toMatchObject({ ok: true, status: 'placed', shippingMethod: 'standard' });
    if (decision.ok) {
      expect(decision.rows[0]).toEqual({
        reorderNumber: 'TK-1',
        description: 'Black toner',
        kind: 'toner',
        bottlesPerCarton: 4,
        fullCartonsOnsite: 0,
        bottlesOnsite: 1,
        quantity: 4,
      });
    }
  });

  it('refuses a device whose contract has ended with the store-or-partner advice', () => {
    const expired = view({
      contract: {
        contractId: 'C-1',
        status: 'active',
        startsOn: '2024-01-01',
        endsOn: '2026-03-13',
      },
    });
    const decision = decideOrder({ rows: [row()] }, expired, context());
    expect(decision).toMatchObject({ ok: false, kind: 'not-covered' });
    if (!decision.ok && decision.kind === 'not-covered') {
      expect(decision.message).toMatch(/online store or an authorised partner/);
    }
  });

  it('refuses a suspended contract and a device without any contract', () => {
    const suspended = view({
      contract: {
        contractId: 'C-1',
        status: 'suspended',
        startsOn: '2025-01-01',
        endsOn: '2027-12-31',
      },
    });
    expect(decideOrder({ rows: [row()] }, suspended, context())).toMatchObject({
      kind: 'not-covered',
    });
    expect(decideOrder({ rows: [row()] }, view({ contract: undefined }), context())).toMatchObject({
      kind: 'not-covered',
    });
  });

  it('covers the last day of the contract', () => {
    const lastDay = view({
      contract: {
        contractId: 'C-1',
        status: 'active',
        startsOn: '2025-01-01',
        endsOn: '2026-03-14',
      },
    });
    expect(decideOrder({ rows: [row()] }, lastDay, context())).toMatchObject({ ok: true });
  });

  it('refuses expedited shipping online with the helpdesk number and prompts of the country', () => {
    const decision = decideOrder({ rows: [row()], shippingMethod: 'expedited' }, view(), context());
    expect(decision).toMatchObject({ ok: false, kind: 'invalid' });
    if (!decision.ok && decision.kind === 'invalid') {
      expect(decision.problems).toEqual([
        {
          field: 'shippingMethod',
          reason: expect.stringContaining('1-800-275-9376 (prompts: 1, 3, 3)'),
        },
      ]);
    }
    const german = decideOrder(
      { rows: [row()], shippingMethod: 'expedited' },
      view({ country: 'DE' }),
      context(),
    );
    expect(JSON.stringify(german)).toContain('0800 181 8181 (prompts: 1, 4)');
  });

  it('lets the helpdesk expedite', () => {
    const decision = decideOrder(
      { rows: [row()], shippingMethod: 'expedited' },
      view(),
      context({ channel: 'helpdesk' }),
    );
    expect(decision).toMatchObject({ ok: true, shippingMethod: 'expedited' });
  });

  it('names the row of an item not tied to the serial', () => {
    const decision = decideOrder(
      { rows: [row(), row({ reorderNumber: 'XX-9' })] },
      view(),
      context(),
    );
    expect(decision).toMatchObject({
      ok: false,
      problems: [{ field: 'rows.1.reorderNumber', reason: expect.stringContaining('not an item') }],
    });
  });

  it('refuses a second row for the same item', () => {
    const decision = decideOrder({ rows: [row(), row({ quantity: 1 })] }, view(), context());
    expect(decision).toMatchObject({
      ok: false,
      problems: [{ field: 'rows.1.reorderNumber', reason: expect.stringContaining('rows.0') }],
    });
  });

  it('refuses more than the per-item maximum (cartons × bottles per carton)', () => {
    expect(decideOrder({ rows: [row({ quantity: 16 })] }, view(), context())).toMatchObject({
      ok: true,
    });
    expect(decideOrder({ rows: [row({ quantity: 17 })] }, view(), context())).toMatchObject({
      ok: false,
      problems: [{ field: 'rows.0.quantity', reason: expect.stringContaining('at most 16') }],
    });
  });

  it('refuses an empty order and more than 20 rows', () => {
    expect(decideOrder({ rows: [] }, view(), context())).toMatchObject({
      ok: false,
      problems: [{ field: 'rows' }],
    });
  });

  it('holds the order when onsite stock plus the quantity exceeds the allowance', () => {
    const decision = decideOrder(
      { rows: [row({ fullCartonsOnsite: 1, bottlesOnsite: 2, quantity: 3 })] },
      view(),
      context(),
    );
    expect(decision).toMatchObject({
      ok: true,
      status: 'held',
      heldRows: [
        { reorderNumber: 'TK-1', onsiteBottles: 6, orderedBottles: 3, allowanceBottles: 8 },
      ],
    });
    if (decision.ok) expect(decision.holdReason).toMatch(/TK-1: 6 onsite \+ 3 ordered/);
  });

  it('holds an order that fits alone but not beside what is already ordered for the serial', () => {
    const request = { rows: [row({ fullCartonsOnsite: 0, bottlesOnsite: 0, quantity: 8 })] };
    expect(decideOrder(request, view(), context())).toMatchObject({ status: 'placed' });
    const decision = decideOrder(request, view(), {
      ...context(),
      alreadyOrderedOf: () => 8,
    });
    expect(decision).toMatchObject({
      ok: true,
      status: 'held',
      heldRows: [{ reorderNumber: 'TK-1', alreadyOrderedBottles: 8, orderedBottles: 8 }],
    });
    if (decision.ok) expect(decision.holdReason).toMatch(/8 already ordered/);
  });
});
