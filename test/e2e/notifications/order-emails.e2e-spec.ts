/**
 * Order emails end to end, against the real stack: a customer registered through the real
 * flow orders through the gateway and finds the confirmation in the mail capture; a held
 * order is announced, released by the helpdesk and announced again; a cancelled order tells
 * its reason; a shipment event of the warehouse becomes the shipped notice with its tracking
 * number. One email per event: the confirmation never arrives twice.
 */
import 'reflect-metadata';
import { ShipmentDispatchedEvent, Topics } from '@metered/contracts';
import { createEnvelope, eventHeaders } from '@metered/event-platform';
import type { CapturedMail } from '../../../tools/stack/src/demo/mail-capture';
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { uniqueTag } from '../../support/registration/master-data.fixture';
import { Customer, OrderingHarness, simpleOrder } from '../../support/ordering/ordering-harness';

describe('order emails (real stack, through the gateway)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  let customer: Customer;
  let agent: LoginAnswer;

  beforeAll(async () => {
    await harness.start();
    [customer, agent] = await Promise.all([harness.customer(2), harness.helpdeskAgent()]);
  }, 600000);

  afterAll(() => kafka.close());

  const mailAbout = (orderNumber: string, subject: RegExp): Promise<CapturedMail> =>
    harness.mail.waitForMatching(
      customer.email,
      (mail) => mail.subject.includes(orderNumber) && subject.test(mail.subject),
      `"${subject}" about ${orderNumber}`,
      60000,
    );

  it('confirms a placed order to the customer once, with its rows, device and helpdesk number', async () => {
    const body = simpleOrder(customer);
    const placed = await harness.place(customer.token, body, `mail-${uniqueTag(10)}`);
    expect(placed.status).toBe(201);
    expect(placed.body.status).toBe('placed');
    const { orderNumber, serial } = placed.body;
    const confirmation = await mailAbout(orderNumber, /confirmed/);
    expect(confirmation.subject).toBe(`Order ${orderNumber} confirmed`);
    expect(confirmation.text).toContain(`(reorder no. ${body.rows[0].reorderNumber}): 2 to send`);
    expect(confirmation.text).toContain(`Device: ${serial}`);
    expect(confirmation.text).toContain('Shipping: standard');
    expect(confirmation.text).toContain('online, on the Metered Supplies portal');
    expect(confirmation.text).toMatch(/Call the Supplies Helpdesk: .+ \(prompts: [\d, ]+\)/);
    // A double submit with the same Idempotency-Key is one order and one email.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const confirmations = (await harness.mail.messagesTo(customer.email)).filter(
      (mail) => mail.subject === `Order ${orderNumber} confirmed`,
    );
    expect(confirmations).toHaveLength(1);
  });

  it('tells the customer an order is held for review and then released by the helpdesk', async () => {
    const body = simpleOrder(customer, 1);
    body.rows[0] = { ...body.rows[0], fullCartonsOnsite: 1, bottlesOnsite: 3, quantity: 4 }; // 7 + 4 > 8
    const held = await harness.place(customer.token, body);
    expect(held.status).toBe(201);
    expect(held.body.status).toBe('held');
    const { orderId, orderNumber } = held.body;
    const heldMail = await mailAbout(orderNumber, /is held for review/);
    expect(heldMail.text).toContain(`Why: ${held.body.holdReason}`);
    expect(heldMail.text).toContain('The Supplies Helpdesk reviews it shortly');
    expect(heldMail.text).toMatch(/call the Supplies Helpdesk at .+ and quote/);
    await harness.gateway.expect(200, `/api/orders/${orderId}/release`, {
      token: agent.accessToken,
      body: { note: 'Usage confirmed by phone.' },
    });
    const released = await mailAbout(orderNumber, /was released for shipping/);
    expect(released.text).toContain('Note from the Supplies Helpdesk: Usage confirmed by phone.');
  });

  it('tells the customer why an order was cancelled', async () => {
    const held = await harness.place(customer.token, simpleOrder(customer, 0, 16));
    expect(held.body.status).toBe('held');
    await harness.gateway.expect(200, `/api/orders/${held.body.orderId}/cancel`, {
      token: agent.accessToken,
      body: { reason: 'More than a year of toner onsite.' },
    });
    const cancelled = await mailAbout(held.body.orderNumber, /was cancelled/);
    expect(cancelled.text).toContain('was cancelled by the Supplies Helpdesk');
    expect(cancelled.text).toContain('Reason: More than a year of toner onsite.');
  });

  it('sends the shipped notice with the carrier and tracking number of the shipment', async () => {
    const placed = await harness.place(customer.token, simpleOrder(customer));
    const { orderId, orderNumber, serial } = placed.body;
    const trackingNumber = `1Z${uniqueTag(12)}`;
    const dispatched = createEnvelope(
      ShipmentDispatchedEvent,
      {
        orderId,
        orderNumber,
        serial,
        carrier: 'UPS',
        trackingNumber,
        dispatchedAt: new Date().toISOString(),
      },
      { producer: 'e2e-warehouse' },
    );
    await kafka.produce(Topics.FulfilmentShipment, [
      { key: dispatched.key, value: JSON.stringify(dispatched), headers: eventHeaders(dispatched) },
    ]);
    // With the fulfilment simulator on it may ship first, with its own tracking number.
    const shipped = await harness.waitForStatus(customer.token, orderId, 'shipped');
    const notice = await mailAbout(orderNumber, /has shipped/);
    expect(notice.text).toContain(`Carrier: ${shipped.shipment?.carrier}`);
    expect(notice.text).toContain(`Tracking number: ${shipped.shipment?.trackingNumber}`);
  });
});
