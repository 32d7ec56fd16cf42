import { accountingSection, accountOrders } from './order-accounting';
import {
  addMetricsText,
  commandKey,
  counterDelta,
  emptyCounters,
  ServiceCounters,
} from './service-counters';

const counters = (
  commands: Record<string, number>,
  documents: Record<string, number> = {},
  shipmentEvents = 0,
): ServiceCounters => ({
  ...emptyCounters(),
  commands,
  documents,
  shipmentEvents,
});

describe('the order accounting', () => {
  const main = counters(
    {
      [commandKey('ordering', 'orders', 'insert', 'request')]: 100,
      [commandKey('ordering', 'allowances', 'find', 'request')]: 100,
      [commandKey('ordering', 'orders', 'find', 'background')]: 30,
      [commandKey('notifications', 'emails', 'insert', 'event')]: 10,
      [commandKey('notifications', '-', 'endSessions', 'background')]: 7,
      [commandKey('identity', 'mystery', 'insert', 'request')]: 5,
    },
    { 'notifications|emails|insert': 100 },
    40,
  );
  const idle = counters({ [commandKey('ordering', 'orders', 'find', 'background')]: 20 });
  const simulator = {
    ...counters(
      {
        [commandKey('ordering', 'orders', 'find', 'background')]: 10,
        [commandKey('ordering', 'orders', 'update', 'event')]: 30,
        [commandKey('ordering', 'orders', 'update', 'background')]: 10,
      },
      {},
      40,
    ),
    emailsSent: { 'order-placed': 3 },
  };
  const accounting = accountOrders({
    orders: 100,
    main: { delta: main, durationS: 30 },
    idle: { delta: idle, durationS: 10 },
    simulator: { delta: simulator, durationS: 5, orders: 20 },
  });

  it('divides each command by the orders, before the 201 apart, housekeeping left out', () => {
    expect(accounting.total).toBeCloseTo(2.45);
    expect(accounting.beforeResponse).toBeCloseTo(2.05);
    expect(
      accounting.rows.map((r) => `${r.service} ${r.collection} ${r.command} ${r.perOrder}`),
    ).toEqual([
      'identity mystery insert 0.05',
      'notifications emails insert 0.1',
      'ordering allowances find 1',
      'ordering orders insert 1',
      'ordering orders find 0.3',
    ]);
  });

  it('gives the batch size of writes and the idle rate per second', () => {
    expect(accounting.rows.find((r) => r.collection === 'emails')!.perCommand).toBe(10);
    expect(
      accounting.rows.find((r) => r.command === 'find' && r.collection === 'orders')!.idlePerSecond,
    ).toBe(2);
    expect(accounting.idlePerSecond).toBe(2);
  });

  it('measures the simulator per shipped order without idle polling and takes its run share out', () => {
    // (10 − 2/s × 5 s) finds + 40 updates over 20 orders; 40 shipment events = 20 orders of 100
    expect(accounting.simulator).toMatchObject({
      perShippedOrder: 2,
      perOrderInRun: 0.4,
      rows: [{ service: 'ordering', collection: 'orders', command: 'update', perShippedOrder: 2 }],
    });
    expect(accounting.endToEnd).toBeCloseTo(2.05);
  });

  it('prints every command with who sends it and why; an unknown one is unexplained', () => {
    const section = accountingSection(accounting);
    expect(section).toContain(
      '| ordering | orders | insert | before the 201 | placement (POST /orders) | 1 |',
    );
    expect(section).toMatch(
      /\| identity \| mystery \| insert \| before the 201 \| .* \*\*unexplained\*\*/,
    );
    expect(section).toContain('| of which **before the 201** | | | | | **2.05** |');
    expect(section).toMatch(
      /\*\*fulfilment simulator\*\* \(own window\).*0\.4 in this run \(2 per shipped order\)/,
    );
    expect(section).toContain('| **end to end without the simulator** | | | | | **2.05** |');
    expect(section).not.toContain('| - | endSessions');
  });

  it('says when the services have no counters (an older revision) instead of printing zeros', () => {
    const none = { ...emptyCounters(), withoutCounter: ['ordering', 'notifications'] };
    const section = accountingSection(
      accountOrders({ orders: 10, main: { delta: none, durationS: 5 } }),
    );
    expect(section).toContain('ordering, notifications expose no `db_commands_total`');
  });
});

describe('the services counters', () => {
  const text = (find: number, shipped: number) => `
# TYPE db_commands_total counter
db_commands_total{collection="orders",command="find",context="background"} ${find}
db_command_documents_total{collection="orders",command="insert"} 4
events_consumed_total{group="ordering",topic="fulfilment.shipment.v1",type="ShipmentDelivered",outcome="handled"} ${shipped}
events_consumed_total{group="ordering",topic="fulfilment.shipment.v1",type="ShipmentDelivered",outcome="duplicate"} 9
emails_sent_total{template="order-placed"} 2
`;

  it('sums the replicas of a service and counts shipment events ordering handled', () => {
    const reading = emptyCounters();
    addMetricsText(reading, 'ordering', 'ordering', text(5, 2));
    addMetricsText(reading, 'ordering-2', 'ordering', text(7, 1));
    addMetricsText(reading, 'identity', 'identity', 'process_cpu_seconds_total 3\n');
    expect(reading.commands).toEqual({ 'ordering|orders|find|background': 12 });
    expect(reading.documents).toEqual({ 'ordering|orders|insert': 8 });
    expect(reading.shipmentEvents).toBe(3);
    expect(reading.emailsSent).toEqual({ 'order-placed': 4 });
    expect(reading.withoutCounter).toEqual(['identity']);
  });

  it('takes differences, counting a restarted process from zero', () => {
    const before = counters({ a: 10, b: 50 }, {}, 4);
    const after = counters({ a: 15, b: 3, c: 2 }, {}, 10);
    expect(counterDelta(before, after)).toMatchObject({
      commands: { a: 5, b: 3, c: 2 },
      shipmentEvents: 6,
    });
  });
});
