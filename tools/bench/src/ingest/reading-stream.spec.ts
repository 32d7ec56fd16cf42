import { checkReading } from '@metered/replenishment';
import { ReadingStream, syntheticReading } from './reading-stream';

describe('the ingest bench readings', () => {
  const now = Date.UTC(2026, 11, 4, 12, 0, 0);
  const ctx = { now: new Date(now), maxClockSkewMs: 10 * 60_000 };

  it('are readings the service accepts as they are', () => {
    const stream = new ReadingStream(['BUYER01001', 'BUYER01002'], now - 86_400_000, 10_000, now);
    for (const reading of stream.take(2000)) {
      const checked = checkReading(reading, ctx);
      expect(checked).toEqual({ ok: true, reading });
    }
  });

  it('interleave the devices, each in time order with growing counters and unique ids', () => {
    const serials = ['A1', 'B2', 'C3'];
    const stream = new ReadingStream(serials, now - 3_600_000, 10_000, now);
    const readings = [...stream.take(100), ...stream.take(50)];
    expect(readings.slice(0, 3).map((reading) => reading.serial)).toEqual(serials);
    expect(new Set(readings.map((r) => `${r.serial}|${r.readAt}`)).size).toBe(150);
    for (const serial of serials) {
      const mine = readings.filter((reading) => reading.serial === serial);
      for (let i = 1; i < mine.length; i++) {
        expect(Date.parse(mine[i].readAt)).toBeGreaterThan(Date.parse(mine[i - 1].readAt));
        expect(mine[i].counters!.total!).toBeGreaterThanOrEqual(mine[i - 1].counters!.total!);
      }
    }
    expect(stream.taken).toBe(150);
  });

  it('stops at the latest instant instead of reporting from the future', () => {
    const stream = new ReadingStream(['A1'], now - 30_000, 10_000, now);
    expect(stream.take(10)).toHaveLength(4);
    expect(stream.take(10)).toHaveLength(0);
  });

  it('lets the level fall and jump back up once per cartridge (a swap)', () => {
    const day = 86_400_000;
    const levels = Array.from(
      { length: 12 },
      (_, d) => syntheticReading('A1', now + d * day).supplies[0].level!,
    );
    const jumps = levels.filter((level, d) => d > 0 && level > levels[d - 1]);
    expect(jumps.length).toBeGreaterThanOrEqual(2);
    expect(levels.every((level) => level >= 1 && level <= 1000)).toBe(true);
  });
});
