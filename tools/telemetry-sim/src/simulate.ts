import type { TelemetryReading, TelemetrySupplyReading } from '@metered/contracts/reference';
import { DEVICE_MODELS, DeviceModel, modelById, SupplyModel } from './models';
import { Random } from './random';

/** How a device reports its supply levels. */
export type Reporting = 'level' | 'coarse' | 'some-remaining' | 'unknown';

/** One device to simulate; everything not given is drawn from the seed. */
export interface DeviceSpec {
  serial: string;
  /** A model id of `DEVICE_MODELS`. */
  model?: string;
  /**
   * The reorder numbers of a real catalogue, in the model's supply order (black first): the
   * device reports these instead of the model's own, and only as many supplies as given.
   */
  reorderNumbers?: readonly string[];
  reporting?: Reporting;
  /** Stops reporting this many days into the history (a silent device). */
  silentFromDay?: number;
  /** The device clock's offset from true time, minutes (+ = ahead). */
  clockSkewMinutes?: number;
  /** Multiplies the model's pages per day (1 = typical office). */
  usageFactor?: number;
}

/** Probabilities of the fleet's quirks per device (or per upload); 0 turns one off. */
export interface Quirks {
  silent: number;
  coarseOnly: number;
  someRemaining: number;
  unknownLevel: number;
  clockSkew: number;
  counterReset: number;
  /** A cartridge taken out before it is empty (the "low" warning heeded). */
  earlySwap: number;
  /** A reading the agent uploads twice (a retry after a network fault). */
  duplicateUpload: number;
  /** A reading the agent uploads in a later batch (out of order). */
  lateUpload: number;
}

export const DEFAULT_QUIRKS: Quirks = {
  silent: 0.05,
  coarseOnly: 0.08,
  someRemaining: 0.04,
  unknownLevel: 0.02,
  clockSkew: 0.1,
  counterReset: 0.02,
  earlySwap: 0.25,
  duplicateUpload: 0.03,
  lateUpload: 0.05,
};

export interface SimulationOptions {
  /** Same seed, same options → the same fleet, reading for reading. Default 1. */
  seed?: number | string;
  devices: ReadonlyArray<string | DeviceSpec>;
  /** Days of history, ending at `end`. */
  days: number;
  /** The end of the history (default: now, rounded down to the hour). */
  end?: Date;
  /** Readings per device per day (default 4). */
  readingsPerDay?: number;
  quirks?: Partial<Quirks>;
  /** Readings per upload batch of one device (default 500). */
  batchSize?: number;
}

/** What really happened to one cartridge (the backtest's truth; never seen by the forecast). */
export interface CartridgeTruth {
  installedAt: string;
  /** When it ran empty, if it did within the history. */
  emptyAt?: string;
  /** When it was taken out (after empty, or early). */
  removedAt?: string;
}

export interface SupplyTruth {
  supplyId: string;
  reorderNumber: string;
  ratedYield: number;
  cartridges: CartridgeTruth[];
}

export interface SimulatedDevice {
  serial: string;
  model: DeviceModel;
  reporting: Reporting;
  clockSkewMinutes: number;
  /** When the device stopped reporting (a silent device). */
  silentFrom?: string;
  /** Every reading the device made, in time order (readAt on the device's clock). */
  readings: TelemetryReading[];
  /** The readings as the agent uploads them: batches, with duplicates and late ones. */
  uploads: TelemetryReading[][];
  truth: SupplyTruth[];
}

export interface SimulatedFleet {
  start: string;
  end: string;
  devices: SimulatedDevice[];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Office hours (UTC) over which a day's pages are printed. */
const FIRST_HOUR = 8;
const LAST_HOUR = 18;

/**
 * Simulates `days` of a fleet, hour by hour: pages per day by model and office (working days,
 * weekends, day-to-day noise), toner used by coverage and rated yield, cartridges swapped when
 * empty (a while later) or early, readings every few hours with the device's quirks.
 */
export function simulateFleet(options: SimulationOptions): SimulatedFleet {
  const end = Math.floor((options.end ?? new Date()).getTime() / HOUR_MS) * HOUR_MS;
  const start = end - options.days * DAY_MS;
  const quirks = { ...DEFAULT_QUIRKS, ...options.quirks };
  const root = new Random(options.seed ?? 1);
  const devices = options.devices.map((device) => {
    const spec = typeof device === 'string' ? { serial: device } : device;
    return simulateDevice(spec, root.fork(spec.serial), start, end, options, quirks);
  });
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString(), devices };
}

interface SupplyRun {
  model: SupplyModel;
  /** Share of the cartridge used per page it prints on. */
  perPage: number;
  fill: number;
  /** Fill at which this cartridge is taken out (0 = when empty). */
  removeBelow: number;
  swapAt?: number;
  truth: SupplyTruth;
}

function simulateDevice(
  spec: DeviceSpec,
  random: Random,
  start: number,
  end: number,
  options: SimulationOptions,
  quirks: Quirks,
): SimulatedDevice {
  const model = withReorderNumbers(
    spec.model ? modelById(spec.model) : random.pick(DEVICE_MODELS),
    spec.reorderNumbers,
  );
  const reporting = spec.reporting ?? drawReporting(random, quirks);
  const usage = (spec.usageFactor ?? 1) * random.factor(0.5);
  const clockSkewMinutes =
    spec.clockSkewMinutes ??
    (random.chance(quirks.clockSkew) ? Math.round(random.normal(0, 8)) : 0);
  const days = (end - start) / DAY_MS;
  const silentFromDay =
    spec.silentFromDay ??
    (random.chance(quirks.silent)
      ? random.between(days * 0.5, Math.max(days * 0.5, days - 4))
      : undefined);
  const silentFrom = silentFromDay === undefined ? undefined : start + silentFromDay * DAY_MS;
  const resetAt = random.chance(quirks.counterReset)
    ? start + random.between(0.2, 0.8) * (end - start)
    : undefined;

  const runs: SupplyRun[] = model.supplies.map((supply) => ({
    model: supply,
    perPage: (0.05 * random.factor(0.35)) / 0.05 / supply.ratedYield,
    fill: random.between(0.15, 1),
    removeBelow: 0,
    truth: {
      supplyId: supply.supplyId,
      reorderNumber: supply.reorderNumber,
      ratedYield: supply.ratedYield,
      cartridges: [{ installedAt: new Date(start).toISOString() }],
    },
  }));
  let mono = Math.round(random.between(5_000, 200_000));
  let colour = model.colour ? Math.round(random.between(1_000, 60_000)) : 0;
  const readings: TelemetryReading[] = [];
  const interval = DAY_MS / (options.readingsPerDay ?? 4);
  let nextReading = start + random.between(0, interval);
  let todaysPages = 0;
  let resetDone = false;

  for (let hour = start; hour < end; hour += HOUR_MS) {
    const clock = new Date(hour);
    if (clock.getUTCHours() === 0 || hour === start) {
      const weekend = clock.getUTCDay() === 0 || clock.getUTCDay() === 6;
      todaysPages =
        model.pagesPerWorkday * usage * random.factor(0.35) * (weekend ? model.weekendShare : 1);
    }
    const inOffice = clock.getUTCHours() >= FIRST_HOUR && clock.getUTCHours() < LAST_HOUR;
    const pages = inOffice ? todaysPages / (LAST_HOUR - FIRST_HOUR) : 0;
    const colourPages = pages * model.colourShare;
    mono += pages - colourPages;
    colour += colourPages;
    for (const run of runs) {
      const used = (run.model.colorant === 'black' ? pages : colourPages) * run.perPage;
      useToner(run, used, hour, random, quirks);
    }
    while (nextReading < hour + HOUR_MS && nextReading < end) {
      const at = nextReading;
      nextReading += interval * random.between(0.9, 1.1);
      if (silentFrom !== undefined && at >= silentFrom) continue;
      const reset = resetAt !== undefined && !resetDone && at >= resetAt;
      if (reset) {
        mono = Math.round(random.between(0, 50));
        colour = 0;
        resetDone = true;
      }
      readings.push(
        readingAt(
          spec.serial,
          at + clockSkewMinutes * 60_000,
          mono,
          colour,
          model,
          runs,
          reporting,
          reset,
        ),
      );
    }
  }
  return {
    serial: spec.serial,
    model,
    reporting,
    clockSkewMinutes,
    ...(silentFrom !== undefined ? { silentFrom: new Date(silentFrom).toISOString() } : {}),
    readings,
    uploads: uploadsOf(readings, random, quirks, options.batchSize ?? 500),
    truth: runs.map((run) => run.truth),
  };
}

/** The model as a device of another catalogue reports it (see `DeviceSpec.reorderNumbers`). */
function withReorderNumbers(model: DeviceModel, reorderNumbers?: readonly string[]): DeviceModel {
  if (!reorderNumbers) return model;
  if (reorderNumbers.length === 0 || reorderNumbers.length > model.supplies.length) {
    throw new Error(
      `model ${model.id} has ${model.supplies.length} supplies; got ${reorderNumbers.length} reorder numbers`,
    );
  }
  return {
    ...model,
    supplies: reorderNumbers.map((reorderNumber, index) => ({
      ...model.supplies[index],
      reorderNumber,
    })),
  };
}

function drawReporting(random: Random, quirks: Quirks): Reporting {
  const draw = random.next();
  if (draw < quirks.coarseOnly) return 'coarse';
  if (draw < quirks.coarseOnly + quirks.someRemaining) return 'some-remaining';
  if (draw < quirks.coarseOnly + quirks.someRemaining + quirks.unknownLevel) return 'unknown';
  return 'level';
}

/** Uses toner; runs empty; the customer swaps a while later (or early, at the low warning). */
function useToner(
  run: SupplyRun,
  used: number,
  hour: number,
  random: Random,
  quirks: Quirks,
): void {
  const current = run.truth.cartridges[run.truth.cartridges.length - 1];
  if (run.swapAt !== undefined && hour >= run.swapAt) {
    current.removedAt = new Date(hour).toISOString();
    run.fill = random.chance(0.9) ? 1 : random.between(0.93, 1);
    run.swapAt = undefined;
    run.removeBelow = random.chance(quirks.earlySwap) ? random.between(0.02, 0.12) : 0;
    run.truth.cartridges.push({ installedAt: new Date(hour).toISOString() });
    return;
  }
  run.fill = Math.max(0, run.fill - used);
  if (run.fill === 0 && current.emptyAt === undefined)
    current.emptyAt = new Date(hour).toISOString();
  if (
    run.swapAt === undefined &&
    run.fill <= run.removeBelow &&
    (run.fill === 0 || run.removeBelow > 0)
  ) {
    run.swapAt = hour + random.between(2, 60) * HOUR_MS;
  }
}

function readingAt(
  serial: string,
  at: number,
  mono: number,
  colour: number,
  model: DeviceModel,
  runs: SupplyRun[],
  reporting: Reporting,
  reset: boolean,
): TelemetryReading {
  const counters = model.colour
    ? {
        total: Math.round(mono) + Math.round(colour),
        mono: Math.round(mono),
        colour: Math.round(colour),
      }
    : { total: Math.round(mono), mono: Math.round(mono) };
  return {
    serial,
    readAt: new Date(Math.round(at / 1000) * 1000).toISOString(),
    counters,
    ...(reset ? { counterReset: true } : {}),
    supplies: runs.map((run) => supplyReading(run, reporting)),
  };
}

function supplyReading(run: SupplyRun, reporting: Reporting): TelemetrySupplyReading {
  const { model } = run;
  const base = {
    supplyId: model.supplyId,
    description: model.description,
    reorderNumber: model.reorderNumber,
    colorant: model.colorant,
  };
  switch (reporting) {
    case 'coarse':
      return { ...base, state: run.fill <= 0 ? 'empty' : run.fill < 0.1 ? 'low' : 'ok' };
    case 'some-remaining':
      return { ...base, level: run.fill <= 0 ? 0 : -3, maxCapacity: -2 };
    case 'unknown':
      return { ...base, level: -2, maxCapacity: -2 };
    default: {
      // Devices round up: a cartridge shows its last step until it is really empty.
      const units = Math.ceil((run.fill * model.maxCapacity) / model.step - 1e-9) * model.step;
      return { ...base, level: Math.min(model.maxCapacity, units), maxCapacity: model.maxCapacity };
    }
  }
}

/**
 * The agent's uploads: batches in time order, except that a few readings are sent again in
 * the next batch (a retry) and a few only in a later one (out of order).
 */
function uploadsOf(
  readings: TelemetryReading[],
  random: Random,
  quirks: Quirks,
  batchSize: number,
): TelemetryReading[][] {
  const batches: TelemetryReading[][] = [];
  let current: TelemetryReading[] = [];
  let carried: TelemetryReading[] = [];
  for (const reading of readings) {
    if (random.chance(quirks.lateUpload)) {
      carried.push(reading);
      continue;
    }
    current.push(reading);
    if (random.chance(quirks.duplicateUpload)) carried.push(reading);
    if (current.length >= batchSize) {
      batches.push(current);
      current = carried;
      carried = [];
    }
  }
  current.push(...carried);
  if (current.length > 0) batches.push(current);
  return batches;
}
