import 'reflect-metadata';
import type { TelemetryReading } from '@metered/contracts/reference';
import { LibraryEngine } from './library-engine';

const DAY = 86_400_000;
const now = new Date('2026-12-04T12:00:00Z');
const device = { serial: 'E72345A6N1', items: [] };

function daily(days: number, levelAt: (day: number) => number): TelemetryReading[] {
  return Array.from({ length: days }, (_, day) => ({
    serial: device.serial,
    readAt: new Date(now.getTime() - (days - day) * DAY).toISOString(),
    supplies: [{ supplyId: '1', description: 'Black', level: levelAt(day), maxCapacity: 1000 }],
  }));
}

describe('LibraryEngine (telemetry over @metered/replenishment)', () => {
  const engine = new LibraryEngine();

  it('forecasts days to empty from a 60-day history, late readings included', () => {
    const readings = daily(60, (day) => 1000 - day * 12);
    const first = engine.apply(undefined, readings.slice(30), device, now);
    const all = engine.apply(first.domain, readings.slice(0, 30), device, now);
    const forecast = all.supplies[0].forecast;
    expect(forecast.state).toBe('forecast');
    expect(forecast.daysToEmpty).toBeGreaterThan(15);
    expect(forecast.daysToEmpty).toBeLessThan(35);
  });

  it('is learning on a single reading, and names a new cartridge after a swap', () => {
    expect(
      engine.apply(
        undefined,
        daily(1, () => 500),
        device,
        now,
      ).supplies[0].forecast.state,
    ).toBe('learning');
    const swapped = engine.apply(
      undefined,
      daily(10, (day) => (day < 5 ? 300 - day * 50 : 1000 - day * 10)),
      device,
      now,
    );
    expect(swapped.supplies[0].cartridge).not.toBe('first');
    expect(swapped.supplies[0].newSwaps).toHaveLength(1);
  });

  it('orders below the low level with nothing onsite, never with an open order', () => {
    const input = {
      forecast: { state: 'learning' as const, asOf: now.toISOString() },
      percent: 5,
      leadTimeDays: 3,
      safetyDays: 7,
      lowLevelPercent: 15,
      onsiteUnits: 0,
      openOrder: false,
      bottlesPerCarton: 4,
    };
    expect(engine.decide(input)).toMatchObject({ order: true, reason: 'below-threshold' });
    expect(engine.decide({ ...input, openOrder: true })).toEqual({ order: false });
    expect(engine.decide({ ...input, onsiteUnits: 1 })).toEqual({ order: false });
  });
});
