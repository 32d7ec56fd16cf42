import type { OrderSnapshot } from '@metered/contracts';
import { orderCancelledEmail } from './order-cancelled.template';
import { orderHeldEmail } from './order-held.template';
import { orderPlacedEmail } from './order-placed.template';
import { orderReleasedEmail } from './order-released.template';
import { orderShippedEmail } from './order-shipped.template';
import { SAMPLE_ORDER_ROWS } from '../../../../test/support/notifications/sample-order-rows';

const hostile = '<script>alert("x")</script> & Co';

function order(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    orderId: '7d4b8f57-8f5e-4b47-9d0e-0d8f4f1b2a11',
    orderNumber: 'MS-260301-7KQ2XH',
    accountId: '1b7a4c1e-2f7a-4c55-9a54-7d7c0b0b7f01',
    company: 'Acme Office Supplies',
    country: 'US',
    serial: 'E72345A6N1',
    model: { code: 'VL-C405', name: 'VersaLink C405', family: 'office' },
    shipTo: {
      line1: '1 Main St',
      line2: 'Suite 200',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    rows: SAMPLE_ORDER_ROWS.map((row) => ({ ...row })),
    channel: 'web',
    shippingMethod: 'standard',
    placedBy: 'b8a3a1b2-0f11-4d3a-8a0a-1f6b2c3d4e5f',
    placedAt: '2026-03-01T13:00:00.000Z',
    status: 'placed',
    ...overrides,
  };
}

describe('order email templates', () => {
  it('confirms an order with its number in the subject and every row with reorder number and quantity', () => {
    const email = orderPlacedEmail({ order: order(), recipientName: 'Alice Doe' });
    expect(email.subject).toBe('Order MS-260301-7KQ2XH confirmed');
    expect(email.text).toContain('Dear Alice Doe,');
    expect(email.text).toContain(
      'Black toner cartridge (reorder no. 106R03500): 2 to send — onsite 1 full carton and 0 bottles',
    );
    expect(email.html).toContain(
      '<li>Cyan toner cartridge (reorder no. 106R03501): 1 to send — onsite 0 full cartons and 3 bottles</li>',
    );
    expect(email.text).toContain('Device: E72345A6N1 (VersaLink C405, model VL-C405)');
    expect(email.text).toContain('Shipping: standard');
    expect(email.text).toContain('online, on the Metered Supplies portal');
    expect(email.text).toContain(
      'Ship to: Acme Office Supplies, 1 Main St, Suite 200, Springfield, IL 62701, United States',
    );
    expect(email.text).toContain('1-800-275-9376 (prompts: 1, 3, 3)');
  });

  it('greets the company team when the user is not known by name and names the helpdesk channel', () => {
    const email = orderPlacedEmail({
      order: order({ channel: 'helpdesk', shippingMethod: 'expedited', country: 'DE' }),
    });
    expect(email.text).toContain('Dear Acme Office Supplies team,');
    expect(email.text).toContain('by phone, through the Supplies Helpdesk');
    expect(email.text).toContain('Shipping: expedited');
    expect(email.text).toContain('0800 181 8181 (prompts: 1, 4)');
  });

  it('explains a held order in plain language, says the Supplies Helpdesk reviews it and gives its number', () => {
    const email = orderHeldEmail({
      order: {
        ...order({ status: 'held', country: 'GB' }),
        holdReason: 'Held for review: more stock than expected for 106R03500.',
        heldRows: [
          { reorderNumber: '106R03500', onsiteBottles: 1, orderedBottles: 2, allowanceBottles: 2 },
        ],
      },
    });
    expect(email.subject).toBe('Order MS-260301-7KQ2XH is held for review');
    expect(email.text).toContain('Why: Held for review: more stock than expected for 106R03500.');
    expect(email.text).toContain(
      '106R03500: 1 onsite + 2 ordered, more than the 2 expected for this device',
    );
    expect(email.text).toContain('The Supplies Helpdesk reviews it shortly');
    expect(email.text).toContain(
      'call the Supplies Helpdesk at 0808 157 0192 (prompts: 2, 1) and quote MS-260301-7KQ2XH',
    );
  });

  it('names what was already ordered for the device when that is why the order is held', () => {
    const email = orderHeldEmail({
      order: {
        ...order({ status: 'held', country: 'GB' }),
        holdReason: 'Held for review: more stock than expected for 106R03500.',
        heldRows: [
          {
            reorderNumber: '106R03500',
            onsiteBottles: 0,
            alreadyOrderedBottles: 2,
            orderedBottles: 2,
            allowanceBottles: 2,
          },
        ],
      },
    });
    expect(email.text).toContain(
      '106R03500: 0 onsite + 2 already ordered (on the way or delivered lately) + 2 ordered, more than the 2 expected for this device',
    );
  });

  it('tells the customer a held order was released, with the helpdesk note', () => {
    const email = orderReleasedEmail({
      order: { ...order({ status: 'released' }), note: 'Checked with the site.' },
    });
    expect(email.subject).toBe('Order MS-260301-7KQ2XH was released for shipping');
    expect(email.text).toContain('Note from the Supplies Helpdesk: Checked with the site.');
    expect(orderReleasedEmail({ order: order() }).text).not.toContain('Note from');
  });

  it('tells who cancelled an order and why', () => {
    const email = orderCancelledEmail({
      order: {
        ...order({ status: 'cancelled' }),
        cancelledByRole: 'helpdesk',
        reason: 'Duplicate of MS-260301-AAAAAA.',
        cancelledAt: '2026-03-01T14:00:00.000Z',
      },
    });
    expect(email.subject).toBe('Order MS-260301-7KQ2XH was cancelled');
    expect(email.text).toContain('was cancelled by the Supplies Helpdesk');
    expect(email.text).toContain('Reason: Duplicate of MS-260301-AAAAAA.');
  });

  it('gives the carrier and tracking number of a shipped order', () => {
    const email = orderShippedEmail({
      order: {
        ...order({ status: 'shipped' }),
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        shippedAt: '2026-03-02T09:30:00.000Z',
      },
    });
    expect(email.subject).toBe('Order MS-260301-7KQ2XH has shipped');
    expect(email.text).toContain('left our warehouse on 2 March 2026, 09:30 UTC');
    expect(email.text).toContain('Carrier: UPS');
    expect(email.html).toContain('<li>Tracking number: 1Z999AA10123456784</li>');
  });

  it('escapes names, addresses, descriptions and reasons in the HTML part', () => {
    const hostileOrder = order({ company: hostile });
    hostileOrder.rows[0].description = hostile;
    hostileOrder.shipTo.line1 = hostile;
    const email = orderCancelledEmail({
      recipientName: hostile,
      order: {
        ...hostileOrder,
        cancelledByRole: 'customer',
        reason: hostile,
        cancelledAt: '2026-03-01T14:00:00.000Z',
      },
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(email.text).toContain(`Reason: ${hostile}`);
    expect(email.text).toContain('cancelled by a user of your account');
  });
});
