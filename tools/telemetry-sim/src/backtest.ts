import {
  applyReadings,
  DeviceTelemetryState,
  forecastSupply,
  daysToEmptyAt,
  quantile,
} from '@metered/replenishment';
import type { TelemetryReading } from '@metered/contracts/reference';
import { simulateFleet, SimulatedDevice, SimulationOptions } from './simulate';

const DAY_MS = 86_400_000;

/** One forecast made `leadDays` before a cartridge really ran empty. */
export interface BacktestSample {
  serial: string;
  supplyId: string;
  leadDays: number;
  /** Predicted empty − true empty, days: + said too late, − said too early; absent when there was no forecast. */
  errorDays?: number;
  state: string;
}

export interface BacktestSummary {
  leadDays: number;
  cartridges: number;
  forecasts: number;
  medianErrorDays: number;
  medianAbsErrorDays: number;
  p90AbsErrorDays: number;
  p10ErrorDays: number;
  p90ErrorDays: number;
  lateByMoreThan3Days: number;
}

/**
 * Replays each simulated device's uploads day by day through `applyReadings`, asks
 * `forecastSupply` every day, and compares what it said 14 and 7 days before each cartridge
 * really ran empty with when it did. The forecast sees only the readings, never the truth.
 */
export function backtest(options: SimulationOptions, leads: readonly number[] = [14, 7]) {
  const fleet = simulateFleet(options);
  const samples: BacktestSample[] = [];
  for (const device of fleet.devices)
    samples.push(...backtestDevice(device, Date.parse(fleet.start), Date.parse(fleet.end), leads));
  const summaries = leads.map((leadDays) =>
    summarise(
      samples.filter((sample) => sample.leadDays === leadDays),
      leadDays,
    ),
  );
  return {
    fleet: { devices: fleet.devices.length, start: fleet.start, end: fleet.end },
    samples,
    summaries,
  };
}

function backtestDevice(
  device: SimulatedDevice,
  start: number,
  end: number,
  leads: readonly number[],
): BacktestSample[] {
  const arrivals = device.uploads.flat();
  // forecasts[supplyId][day] = predicted empty time (ms) or the state when there was none
  const said = new Map<string, Array<number | string>>();
  let state: DeviceTelemetryState | undefined;
  let next = 0;
  const sorted = arrivals
    .map((reading) => ({ reading, at: Date.parse(reading.readAt) }))
    .sort((a, b) => a.at - b.at);
  for (let day = start + DAY_MS; day <= end; day += DAY_MS) {
    const batch: TelemetryReading[] = [];
    while (next < sorted.length && sorted[next].at < day) batch.push(sorted[next++].reading);
    if (batch.length > 0) state = applyReadings(state, batch).state;
    if (!state) continue;
    for (const supply of device.truth) {
      const forecast = forecastSupply(state, supply.supplyId, new Date(day));
      const days =
        forecast.state === 'forecast' ? daysToEmptyAt(forecast, new Date(day)) : undefined;
      const list = said.get(supply.supplyId) ?? [];
      list[Math.round((day - start) / DAY_MS)] =
        days === undefined ? forecast.state : day + days * DAY_MS;
      said.set(supply.supplyId, list);
    }
  }
  const samples: BacktestSample[] = [];
  for (const supply of device.truth) {
    for (const cartridge of supply.cartridges) {
      if (!cartridge.emptyAt) continue;
      const empty = Date.parse(cartridge.emptyAt);
      for (const leadDays of leads) {
        const dayIndex = Math.floor((empty - leadDays * DAY_MS - start) / DAY_MS);
        const day = start + dayIndex * DAY_MS;
        if (dayIndex < 1 || day <= Date.parse(cartridge.installedAt)) continue;
        const value = said.get(supply.supplyId)?.[dayIndex];
        if (value === undefined) continue;
        samples.push({
          serial: device.serial,
          supplyId: supply.supplyId,
          leadDays,
          state: typeof value === 'number' ? 'forecast' : value,
          ...(typeof value === 'number' ? { errorDays: (value - empty) / DAY_MS } : {}),
        });
      }
    }
  }
  return samples;
}

function summarise(samples: BacktestSample[], leadDays: number): BacktestSummary {
  const errors = samples.flatMap((sample) =>
    sample.errorDays === undefined ? [] : [sample.errorDays],
  );
  const absolute = errors.map(Math.abs);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    leadDays,
    cartridges: samples.length,
    forecasts: errors.length,
    medianErrorDays: round(quantile(errors, 0.5)),
    medianAbsErrorDays: round(quantile(absolute, 0.5)),
    p90AbsErrorDays: round(quantile(absolute, 0.9)),
    p10ErrorDays: round(quantile(errors, 0.1)),
    p90ErrorDays: round(quantile(errors, 0.9)),
    lateByMoreThan3Days: errors.filter((error) => error > 3).length,
  };
}
