import type { OrderSnapshot } from '@metered/contracts';
import { renderOrderEmail } from '../order-emails/domain/order-email';
import { autoOrderEmail } from './auto-order.template';
import { deviceSilentEmail } from './device-silent.template';
import { supplyLowEmail } from './supply-low.template';
import { levelText } from './supply-reading';
import { SAMPLE_ORDER_ROWS } from '../../../../test/support/notifications/sample-order-rows';

const hostile = '<script>alert("x")</script> & Co\r\nBcc: evil@example.com';
// eslint-disable-next-line no-control-regex -- looking for exactly these
const CONTROL = /[\u0000-\u001f\u007f]/;

const supply = {
  supplyId: '1',
  description: 'Black Toner Cartridge',
  reorderNumber: '106R03500',
  level: 40,
  maxCapacity: 500,
  percent: 8,
};
const forecast = {
  supplyId: '1',
  reorderNumber: '106R03500',
  state: 'forecast' as const,
  daysToEmpty: 5.6,
  confidence: 'high' as const,
  asOf: '2026-03-01T12:00:00.000Z',
};

function autoOrder(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    orderId: '7d4b8f57-8f5e-4b47-9d0e-0d8f4f1b2a11',
    orderNumber: 'MS-260301-7KQ2XH',
    accountId: '1b7a4c1e-2f7a-4c55-9a54-7d7c0b0b7f01',
    company: 'Acme Office Supplies',
    country: 'US',
    serial: 'E72345A6N1',
    model: { code: 'VL-C405', name: 'VersaLink C405', family: 'office' },
    shipTo: { line1: '1 Main St', city: 'Springfield', postalCode: '62701', country: 'US' },
    rows: SAMPLE_ORDER_ROWS.slice(0, 1).map((row) => ({ ...row })),
    channel: 'auto',
    shippingMethod: 'standard',
    placedBy: 'system:auto-replenishment',
    placedAt: '2026-03-01T13:00:00.000Z',
    status: 'placed',
    trigger: {
      requestId: '0f4a3c2e-9b1d-4e57-8c6a-2d3b4c5d6e7f',
      reason: 'days-to-empty',
      supply,
      forecast,
      readAt: '2026-03-01T12:00:00.000Z',
    },
    ...overrides,
  };
}

describe('telemetry email templates', () => {
  it('says a supply is low with its level, days to empty, reading time and a link to order', () => {
    const email = supplyLowEmail({
      recipientName: 'Alice Doe',
      country: 'US',
      alert: { serial: 'E72345A6N1', supply, forecast, readAt: '2026-03-01T12:00:00.000Z' },
      orderUrl: 'https://portal.example.com/order?serial=E72345A6N1',
    });
    expect(email.subject).toBe('Supply low on device E72345A6N1');
    expect(email.text).toContain('Black Toner Cartridge (reorder no. 106R03500)');
    expect(email.text).toContain('Level: 8% (40 of 500)');
    expect(email.text).toContain('Days to empty: about 6 days (high confidence)');
    expect(email.text).toContain('Reading taken: 1 March 2026, 12:00 UTC');
    expect(email.text).toContain('https://portal.example.com/order?serial=E72345A6N1');
    expect(email.html).toContain('<a href="https://portal.example.com/order?serial=E72345A6N1">');
  });

  it('words RFC 3805 special levels instead of showing negative numbers', () => {
    expect(levelText({ level: -3, maxCapacity: -2 })).toBe(
      'some remaining (the device does not report how much)',
    );
    expect(levelText({ level: -2, maxCapacity: 100 })).toBe('level unknown');
  });

  it('says since when a device is silent, or that it never reported', () => {
    const silent = deviceSilentEmail({
      country: 'US',
      alert: { serial: 'E72345A6N1', lastReadAt: '2026-02-26T08:30:00.000Z', silentAfterDays: 3 },
    });
    expect(silent.subject).toBe('Device E72345A6N1 silent');
    expect(silent.text).toContain('no reading since 26 February 2026, 08:30 UTC (over 3 days)');
    const never = deviceSilentEmail({
      country: 'US',
      alert: { serial: 'E72345A6N1', silentAfterDays: 3 },
    });
    expect(never.text).toContain('has never sent a reading');
  });

  it('tells an automatic order apart, with the reading that triggered it', () => {
    const email = autoOrderEmail({ order: autoOrder(), recipientName: 'Alice Doe' });
    expect(email.subject).toBe('Automatic order MS-260301-7KQ2XH placed');
    expect(email.text).toContain(
      'Automatic replenishment placed order MS-260301-7KQ2XH for device E72345A6N1: Black Toner Cartridge (reorder no. 106R03500), because it will run out within the shipping time plus your safety margin.',
    );
    expect(email.text).toContain('Level: 8% (40 of 500)');
    expect(email.text).toContain('Days to empty: about 6 days (high confidence)');
    expect(email.text).toContain('automatically, from your device’s telemetry');
  });

  it('mails OrderPlaced and OrderHeld of channel auto as the automatic-order email, once per event', () => {
    const placed = renderOrderEmail({ type: 'OrderPlaced', payload: autoOrder() });
    expect(placed.template).toBe('auto-order-placed');
    const held = renderOrderEmail({
      type: 'OrderHeld',
      payload: {
        ...autoOrder({ status: 'held' }),
        holdReason: 'Held for review: more stock than expected',
        heldRows: [],
      },
    });
    expect(held.template).toBe('auto-order-placed');
    expect(held.content.subject).toBe(
      'Automatic order MS-260301-7KQ2XH placed and held for review',
    );
    expect(held.content.text).toContain('Why: Held for review: more stock than expected');
    // Later events of an automatic order are the usual ones.
    const web = renderOrderEmail({ type: 'OrderPlaced', payload: autoOrder({ channel: 'web' }) });
    expect(web.template).toBe('order-placed');
  });

  it('escapes everything the device or account sent and keeps control characters out of subjects', () => {
    const hostileSupply = { ...supply, description: hostile };
    const low = supplyLowEmail({
      recipientName: hostile,
      country: 'US',
      alert: { serial: 'E72345A6N1', supply: hostileSupply, readAt: '2026-03-01T12:00:00.000Z' },
      orderUrl: 'https://portal.example.com/order?serial=E72345A6N1&x="y"',
    });
    const order = autoOrderEmail({
      recipientName: hostile,
      order: autoOrder({
        company: hostile,
        trigger: { ...autoOrder().trigger!, supply: hostileSupply },
      }),
    });
    for (const email of [low, order]) {
      expect(email.html).not.toContain('<script>');
      expect(email.html).toContain('&lt;script&gt;');
      expect(email.subject).not.toMatch(CONTROL);
    }
    expect(low.html).toContain('&amp;x=&quot;y&quot;');
  });
});
