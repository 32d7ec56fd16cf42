import type { Order } from './order';
import { orderAudit } from './staff-audit';

const order = {
  orderId: 'o-1',
  orderNumber: 'MS-261127-7KQ2XH',
  accountId: '0b6f3a4e-8f1c-4c39-9a35-0c1f3d3e9a11',
  serial: 'E72345A6N1',
  channel: 'helpdesk',
  shippingMethod: 'expedited',
  status: 'released',
} as Order;
const agent = { userId: 'u-9', email: 'hal@metered.example', roles: ['helpdesk' as const] };

describe('audit records of helpdesk actions on orders', () => {
  it('names the agent, the order, its account and the status before and after', () => {
    const record = orderAudit({
      auditId: 'a-1',
      actor: agent,
      action: 'order.released',
      order,
      before: 'held',
      reason: 'usage confirmed',
      at: new Date('2026-11-27T08:00:00Z'),
    });
    expect(record).toEqual({
      auditId: 'a-1',
      service: 'ordering',
      actor: agent,
      action: 'order.released',
      subject: { type: 'order', id: 'o-1' },
      accountId: order.accountId,
      before: { status: 'held' },
      after: {
        status: 'released',
        orderNumber: order.orderNumber,
        serial: order.serial,
        channel: 'helpdesk',
        shippingMethod: 'expedited',
      },
      reason: 'usage confirmed',
      at: '2026-11-27T08:00:00.000Z',
    });
  });

  it('has no before for an order the helpdesk placed', () => {
    const record = orderAudit({
      auditId: 'a-2',
      actor: agent,
      action: 'order.placed',
      order,
      at: new Date(),
    });
    expect(record.before).toBeUndefined();
    expect(record.reason).toBeUndefined();
  });
});
