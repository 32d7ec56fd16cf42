import type { TelemetryReading, TelemetrySupplyReading } from '@metered/contracts/reference';

/** Test builders: readings of one device on day N (UTC midnight of 2026-01-01 + N days + hours). */
export const T0 = Date.UTC(2026, 0, 1);
export const SERIAL = 'E72345A6N1';

export function dayIso(day: number): string {
  return new Date(T0 + day * 86_400_000).toISOString();
}

export function black(level: number, maxCapacity = 100): TelemetrySupplyReading {
  return {
    supplyId: '1',
    description: 'Black Toner Cartridge',
    reorderNumber: 'TK-5240K',
    level,
    maxCapacity,
  };
}

export function reading(
  day: number,
  supplies: TelemetrySupplyReading[],
  extra: Partial<TelemetryReading> = {},
): TelemetryReading {
  return { serial: SERIAL, readAt: dayIso(day), supplies, ...extra };
}

/** One reading a day from `fromDay`, the black level falling `perDay` from `start`, counters 100 pages a day. */
export function fallingHistory(
  fromDay: number,
  days: number,
  start: number,
  perDay: number,
): TelemetryReading[] {
  return Array.from({ length: days }, (_, index) =>
    reading(fromDay + index, [black(Math.max(0, Math.round(start - perDay * index)))], {
      counters: { total: 10_000 + (fromDay + index) * 100 },
    }),
  );
}
