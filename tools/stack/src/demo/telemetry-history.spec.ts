import { applyReadings, checkReading } from '@metered/replenishment';
import { demoDevice, simulateDemoFleet } from './telemetry-history';

const now = new Date('2026-12-04T16:30:00Z');

describe("the demo's telemetry history", () => {
  const devices = [
    demoDevice('DEMO0000001', ['R-MONO'], false),
    demoDevice('DEMO0000002', ['R-K', 'R-C', 'R-M', 'R-Y', 'R-EXTRA'], false),
    demoDevice('DEMO0000003', ['R-K', 'R-C'], true),
  ];
  const fleet = simulateDemoFleet(devices, now);

  it("reports each device's catalogue reorder numbers (at most four), mono or colour", () => {
    expect(fleet.devices.map((device) => device.model.colour)).toEqual([false, true, true]);
    expect(
      fleet.devices.map((device) => device.truth.map((supply) => supply.reorderNumber)),
    ).toEqual([['R-MONO'], ['R-K', 'R-C', 'R-M', 'R-Y'], ['R-K', 'R-C']]);
  });

  it('gives the service no reading to refuse (no clock ahead of the skew allowed)', () => {
    for (const reading of fleet.devices.flatMap((device) => device.uploads.flat())) {
      expect(checkReading(reading, { now, maxClockSkewMs: 10 * 60_000 })).toMatchObject({
        ok: true,
      });
    }
  });

  it('has a level history for every device, the silent one ending five days ago', () => {
    for (const device of fleet.devices) {
      expect(device.reporting).toBe('level');
      expect(applyReadings(undefined, device.readings).state).toBeDefined();
    }
    const silentSince = Date.parse(fleet.devices[2].silentFrom!);
    expect((now.getTime() - silentSince) / 86_400_000).toBeGreaterThan(4.9);
    const last = fleet.devices[2].readings.at(-1)!;
    expect(Date.parse(last.readAt)).toBeLessThanOrEqual(silentSince);
  });
});
