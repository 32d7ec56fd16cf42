import { applyReadings, checkReading } from '@metered/replenishment';
import { simulateFleet } from './simulate';

const end = new Date('2026-06-01T00:00:00Z');
const serials = Array.from({ length: 40 }, (_, index) => `SIM${String(index).padStart(7, '0')}`);

describe('simulateFleet', () => {
  const fleet = simulateFleet({ seed: 3, devices: serials, days: 60, end });

  it('is deterministic: the same seed gives the same fleet, another seed another', () => {
    expect(simulateFleet({ seed: 3, devices: serials.slice(0, 5), days: 60, end })).toEqual(
      simulateFleet({ seed: 3, devices: serials.slice(0, 5), days: 60, end }),
    );
    const other = simulateFleet({ seed: 4, devices: serials.slice(0, 5), days: 60, end });
    expect(other.devices[0].readings).not.toEqual(fleet.devices[0].readings);
  });

  it('makes readings the service accepts (shape), in time order, about four a day', () => {
    for (const device of fleet.devices) {
      for (const reading of device.readings.slice(0, 50)) {
        expect(
          checkReading(reading, {
            now: new Date(end.getTime() + 3_600_000),
            maxClockSkewMs: 3_600_000,
          }),
        ).toMatchObject({ ok: true });
      }
      const times = device.readings.map((reading) => Date.parse(reading.readAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
    const typical = fleet.devices.find((device) => !device.silentFrom)!;
    expect(typical.readings.length).toBeGreaterThan(200);
    expect(typical.readings.length).toBeLessThan(280);
  });

  it('has the fleet quirks: special values, coarse-only, silent devices, clock skew', () => {
    const reportings = new Set(fleet.devices.map((device) => device.reporting));
    expect(reportings.has('level')).toBe(true);
    const big = simulateFleet({
      seed: 3,
      devices: serials,
      days: 10,
      end,
      quirks: { coarseOnly: 0.3, someRemaining: 0.3, silent: 0.3, clockSkew: 0.5 },
    });
    const levels = big.devices.flatMap((device) =>
      device.readings.flatMap((reading) => reading.supplies.map((supply) => supply.level)),
    );
    expect(levels).toContain(-3);
    expect(big.devices.some((device) => device.reporting === 'coarse')).toBe(true);
    expect(big.devices.some((device) => device.silentFrom !== undefined)).toBe(true);
    expect(big.devices.some((device) => device.clockSkewMinutes !== 0)).toBe(true);
  });

  it('uploads duplicates and out-of-order readings that the domain lands as the same history', () => {
    const device = simulateFleet({
      seed: 5,
      devices: [{ serial: 'SIMDUP0001', model: 'colour-a4-mfp', reporting: 'level' }],
      days: 60,
      end,
      quirks: { duplicateUpload: 0.2, lateUpload: 0.2 },
    }).devices[0];
    const uploaded = device.uploads.flat();
    expect(uploaded.length).toBeGreaterThan(device.readings.length);
    const outOfOrder = uploaded.some(
      (reading, index) => index > 0 && reading.readAt < uploaded[index - 1].readAt,
    );
    expect(outOfOrder).toBe(true);
    let state = undefined;
    let duplicates = 0;
    for (const batch of device.uploads) {
      const result = applyReadings(state, batch);
      state = result.state;
      duplicates += result.duplicates.length;
    }
    expect(duplicates).toBe(uploaded.length - device.readings.length);
    expect(state).toEqual(applyReadings(undefined, device.readings).state);
  });

  it('swaps cartridges when they run empty, and the domain sees the swaps', () => {
    const device = simulateFleet({
      seed: 9,
      devices: [
        { serial: 'SIMSWAP001', model: 'mono-a4-workgroup', reporting: 'level', usageFactor: 3 },
      ],
      days: 90,
      end,
      quirks: { earlySwap: 0 },
    }).devices[0];
    const truth = device.truth[0];
    expect(truth.cartridges.length).toBeGreaterThan(1);
    expect(truth.cartridges[0].emptyAt).toBeDefined();
    const { swaps } = applyReadings(undefined, device.readings);
    expect(swaps.length).toBe(truth.cartridges.length - 1);
  });

  it("reports a real catalogue's reorder numbers when given, and only that many supplies", () => {
    const [device] = simulateFleet({
      seed: 5,
      devices: [{ serial: 'SIMCAT0001', model: 'colour-a4-mfp', reorderNumbers: ['R-K', 'R-C'] }],
      days: 10,
      end,
    }).devices;
    const numbers = device.readings.map((reading) =>
      reading.supplies.map((supply) => supply.reorderNumber),
    );
    expect(new Set(numbers.map((row) => row.join()))).toEqual(new Set(['R-K,R-C']));
    expect(device.truth.map((supply) => supply.reorderNumber)).toEqual(['R-K', 'R-C']);
    expect(() =>
      simulateFleet({
        devices: [{ serial: 'SIMCAT0002', model: 'mono-a4-small', reorderNumbers: ['A', 'B'] }],
        days: 1,
        end,
      }),
    ).toThrow('model mono-a4-small has 1 supplies; got 2 reorder numbers');
  });
});
