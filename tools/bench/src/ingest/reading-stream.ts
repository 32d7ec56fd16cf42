import type { TelemetryReading } from '@metered/contracts/reference';

/** Counters count from here, so they grow with time across runs (a counter never goes back). */
const COUNTER_EPOCH_MS = Date.UTC(2020, 0, 1);
/** A cartridge lasts five days of readings, then a swap (the level jumps back up). */
const CARTRIDGE_MINUTES = 5 * 24 * 60;

/** One device's reading at `readAtMs`: pages and level follow from the time alone. */
export function syntheticReading(serial: string, readAtMs: number): TelemetryReading {
  const minutes = Math.floor((readAtMs - COUNTER_EPOCH_MS) / 60_000);
  const used = (minutes % CARTRIDGE_MINUTES) / CARTRIDGE_MINUTES;
  return {
    serial,
    readAt: new Date(readAtMs).toISOString(),
    counters: { total: Math.floor((readAtMs - COUNTER_EPOCH_MS) / 10_000) },
    supplies: [
      {
        supplyId: '1',
        description: 'Black Toner Cartridge',
        colorant: 'black',
        level: Math.max(1, Math.round(1000 * (1 - used))),
        maxCapacity: 1000,
      },
    ],
  };
}

/**
 * The readings an agent of a few devices uploads while catching up: each device's history in
 * time order, interleaved across the devices, one reading every `stepMs` per device from
 * `startMs` on. Every reading is new to the database (its id is serial + `readAt`) as long
 * as a later run starts at another millisecond; counters only grow; a swap every five days.
 */
export class ReadingStream {
  private next = 0;

  constructor(
    private readonly serials: readonly string[],
    private readonly startMs: number,
    private readonly stepMs: number,
    /** No reading after this instant (the service refuses readings from the future). */
    private readonly latestMs: number,
  ) {
    if (serials.length === 0) throw new Error('a reading stream needs at least one serial');
  }

  /** The next `count` readings (fewer when the stream has reached `latestMs`). */
  take(count: number): TelemetryReading[] {
    const readings: TelemetryReading[] = [];
    while (readings.length < count) {
      const round = Math.floor(this.next / this.serials.length);
      const at = this.startMs + round * this.stepMs;
      if (at > this.latestMs) break;
      readings.push(syntheticReading(this.serials[this.next % this.serials.length], at));
      this.next++;
    }
    return readings;
  }

  /** Readings handed out so far. */
  get taken(): number {
    return this.next;
  }
}
