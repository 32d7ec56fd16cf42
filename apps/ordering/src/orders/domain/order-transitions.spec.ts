import type { Order } from './order';
import { cancel, deliver, release, ship } from './order-transitions';

const AT = new Date('2026-03-14T12:00:00Z');
const helpdesk = { userId: 'agent', kind: 'helpdesk' as const };
const customer = { userId: 'cust', kind: 'customer' as const };

function order(status: Order['status']): Order {
  return {
    orderId: 'o-1',
    orderNumber: 'MS-260314-7KQ3XH',
    accountId: 'acc-1',
    company: 'Acme',
    country: 'US',
    serial: 'E72345A6N1',
    model: { code: 'VL', name: 'VersaLink', family: 'office' },
    shipTo: { line1: '1 Main St', city: 'Rochester', postalCode: '14604', country: 'US' },
    rows: [],
    channel: 'web',
    shippingMethod: 'standard',
    placedBy: 'cust',
    placedAt: AT,
    status,
    history: [{ status, at: AT, by: 'cust' }],
  };
}

describe('order transitions', () => {
  it('releases a held order and records who and when', () => {
    const outcome = release(order('held'), helpdesk, AT, 'customer confirmed usage');
    expect(outcome).toMatchObject({
      ok: true,
      next: { status: 'released', release: { by: 'agent' } },
    });
    if (outcome.ok)
      expect(outcome.next.history.at(-1)).toMatchObject({
        status: 'released',
        note: 'customer confirmed usage',
      });
  });

  it('refuses to release anything but a held order', () => {
    for (const status of ['placed', 'released', 'cancelled', 'shipped'] as const) {
      expect(release(order(status), helpdesk, AT)).toMatchObject({ ok: false });
    }
  });

  it('lets a customer cancel while placed or held, not once released', () => {
    expect(cancel(order('placed'), customer, AT, 'twice')).toMatchObject({ ok: true });
    expect(cancel(order('held'), customer, AT, 'twice')).toMatchObject({ ok: true });
    expect(cancel(order('released'), customer, AT, 'twice')).toMatchObject({ ok: false });
  });

  it('lets the helpdesk cancel until the order ships', () => {
    expect(cancel(order('released'), helpdesk, AT, 'x')).toMatchObject({
      ok: true,
      next: { status: 'cancelled', cancellation: { role: 'helpdesk', reason: 'x' } },
    });
    expect(cancel(order('shipped'), helpdesk, AT, 'x')).toMatchObject({ ok: false });
    expect(cancel(order('cancelled'), helpdesk, AT, 'x')).toMatchObject({ ok: false });
  });

  it('ships placed or released orders, then delivers them', () => {
    const shipped = ship(order('released'), {
      carrier: 'UPS',
      trackingNumber: '1Z',
      shippedAt: AT,
    });
    expect(shipped).toMatchObject({ ok: true, next: { status: 'shipped' } });
    if (!shipped.ok) return;
    expect(deliver(shipped.next, AT)).toMatchObject({
      ok: true,
      next: { status: 'delivered', shipment: { carrier: 'UPS', deliveredAt: AT } },
    });
  });

  it('ignores (without retrying) a dispatch of a held or cancelled order and a repeated one', () => {
    for (const status of ['held', 'cancelled', 'shipped', 'delivered'] as const) {
      expect(
        ship(order(status), { carrier: 'UPS', trackingNumber: '1Z', shippedAt: AT }),
      ).toMatchObject({
        ok: false,
        ignorable: true,
      });
    }
    expect(deliver(order('placed'), AT)).toMatchObject({ ok: false, ignorable: true });
  });
});
