import 'reflect-metadata';
import type { TelemetryReading } from '@metered/contracts';
import { DEFAULT_SETTINGS } from '../../settings/domain/replenishment-settings';
import { deriveDevice, replenishmentRequestId } from './derive-device';
import { emptyDeviceState } from './device-state';
import type { ReplenishmentEngine } from './replenishment-engine';

const serial = 'E72345A6N1';
const accountId = '4b0c7a52-5d7e-4a43-9a57-0c1f3f1f2a10';
const item = {
  reorderNumber: 'TK-5240K',
  description: 'Black',
  kind: 'toner',
  bottlesPerCarton: 4,
};
const device = { serial, accountId, country: 'DE', items: [item] };

/** An engine whose forecast is given by the test: days to empty = level / 10. */
const engine: ReplenishmentEngine = {
  thresholdDays: [14, 7],
  apply: (_domain, readings) => {
    const last = readings[readings.length - 1];
    return {
      domain: { n: readings.length },
      supplies: last.supplies.map((supply) => ({
        supplyId: supply.supplyId,
        forecast: {
          state: 'forecast',
          daysToEmpty: (supply.level ?? 0) / 10,
          confidence: 'high',
          asOf: last.readAt,
        },
        cartridge: 'c1',
        newSwaps: [],
      })),
    };
  },
  decide: (input) =>
    input.forecast.daysToEmpty !== undefined &&
    input.forecast.daysToEmpty <= input.leadTimeDays + input.safetyDays &&
    !input.openOrder
      ? { order: true, reason: 'days-to-empty', quantity: 2 }
      : { order: false },
  suggestQuantity: () => 0,
};

const reading = (readAt: string, level: number): TelemetryReading => ({
  serial,
  readAt,
  supplies: [
    {
      supplyId: '1',
      description: 'Black',
      reorderNumber: item.reorderNumber,
      level,
      maxCapacity: 1000,
    },
  ],
});

function derive(
  previous = emptyDeviceState(serial, accountId),
  batchId = 'b1',
  readings = [reading('2026-12-01T00:00:00.000Z', 100)],
  autoReplenishment = false,
) {
  return deriveDevice(
    {
      previous,
      batches: [{ batchId, readings }],
      device,
      settings: { accountId, ...DEFAULT_SETTINGS, autoReplenishment },
      stock: undefined,
      leadTimeDays: 3,
      now: new Date('2026-12-04T00:00:00Z'),
    },
    engine,
  );
}

describe('deriveDevice', () => {
  it('raises a threshold crossing and supply low once per cartridge', () => {
    const first = derive();
    expect(first.events.map((event) => event.type)).toEqual([
      'ForecastThresholdCrossed',
      'SupplyLow',
    ]);
    const again = derive(first.state, 'b2', [reading('2026-12-02T00:00:00.000Z', 90)]);
    expect(again.events).toEqual([]);
  });

  it('does nothing for a batch it has applied already', () => {
    const first = derive();
    expect(derive(first.state, 'b1').changed).toBe(false);
  });

  it('asks for replenishment once, with an id that depends only on device, item and cartridge', () => {
    const first = derive(undefined, 'b1', undefined, true);
    const requests = first.events.filter((event) => event.type === 'ReplenishmentRequested');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      requestId: replenishmentRequestId(serial, item.reorderNumber, 'c1'),
      quantity: 2,
    });
    const again = derive(first.state, 'b2', [reading('2026-12-02T00:00:00.000Z', 80)], true);
    expect(again.events.filter((event) => event.type === 'ReplenishmentRequested')).toEqual([]);
  });

  it('keeps the newest levels when an older reading arrives late', () => {
    const first = derive(undefined, 'b1', [reading('2026-12-03T00:00:00.000Z', 500)]);
    const late = derive(first.state, 'b2', [reading('2026-12-01T00:00:00.000Z', 900)]);
    expect(late.state.lastReadAt).toBe('2026-12-03T00:00:00.000Z');
    expect(late.state.supplies[0].level).toBe(500);
  });

  it('makes request ids in UUID shape', () => {
    expect(replenishmentRequestId(serial, 'X', 'c')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
