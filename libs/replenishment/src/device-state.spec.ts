import { applyReadings, DEFAULT_STATE_LIMITS, DeviceTelemetryState } from './device-state';
import { black, dayIso, fallingHistory, reading, SERIAL } from './testing/reading-builders';

function blackHistory(state: DeviceTelemetryState) {
  return state.supplies.find((supply) => supply.supplyId === '1')!;
}

describe('applyReadings', () => {
  it('starts a state from the first readings and keeps it a plain JSON document', () => {
    const { state, accepted } = applyReadings(undefined, fallingHistory(0, 5, 80, 2));
    expect(accepted).toHaveLength(5);
    expect(state.serial).toBe(SERIAL);
    expect(state.firstReadAt).toBe(dayIso(0));
    expect(state.lastReadAt).toBe(dayIso(4));
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('treats the same readAt twice as a duplicate with no effect, within a batch and across batches', () => {
    const first = applyReadings(undefined, [reading(0, [black(80)]), reading(0, [black(70)])]);
    expect(first.accepted).toHaveLength(1);
    expect(first.duplicates).toHaveLength(1);
    const again = applyReadings(first.state, [reading(0, [black(10)])]);
    expect(again.duplicates).toHaveLength(1);
    expect(again.state).toEqual(first.state);
  });

  it('does not modify the state passed in', () => {
    const first = applyReadings(undefined, [reading(0, [black(80)])]);
    const copy = JSON.parse(JSON.stringify(first.state));
    applyReadings(first.state, [reading(1, [black(78)])]);
    expect(first.state).toEqual(copy);
  });

  it('lands out-of-order readings in time order, across batches', () => {
    const history = fallingHistory(0, 6, 90, 3);
    const late = applyReadings(undefined, [history[5], history[1], history[3]]);
    const { state } = applyReadings(late.state, [history[4], history[0], history[2]]);
    const inOrder = applyReadings(undefined, history).state;
    expect(blackHistory(state).points).toEqual(blackHistory(inOrder).points);
    expect(state.counters).toEqual(inOrder.counters);
    expect(state.readTimes).toEqual(inOrder.readTimes);
    expect(state.firstReadAt).toBe(dayIso(0));
    expect(state.lastReadAt).toBe(dayIso(5));
    expect(blackHistory(state).latest.level).toBe(75);
  });

  it('refuses a counter going backwards without a reset, alone', () => {
    const { state } = applyReadings(undefined, [
      reading(0, [black(80)], { counters: { total: 500 } }),
    ]);
    const result = applyReadings(state, [
      reading(1, [black(79)], { counters: { total: 400 } }),
      reading(2, [black(78)], { counters: { total: 600 } }),
    ]);
    expect(result.refused).toEqual([
      expect.objectContaining({
        field: 'counters.total',
        reason: 'goes backwards without a counter reset',
      }),
    ]);
    expect(result.accepted.map((accepted) => accepted.readAt)).toEqual([dayIso(2)]);
  });

  it('refuses a late reading whose counter is above a later one', () => {
    const { state } = applyReadings(undefined, [
      reading(0, [], { counters: { total: 500 } }),
      reading(2, [], { counters: { total: 700 } }),
    ]);
    const result = applyReadings(state, [reading(1, [], { counters: { total: 800 } })]);
    expect(result.refused[0]).toMatchObject({ field: 'counters.total' });
  });

  it('accepts a counter going down with counterReset, and compares later readings with the new counting', () => {
    const { state } = applyReadings(undefined, [reading(0, [], { counters: { total: 50_000 } })]);
    const reset = applyReadings(state, [
      reading(1, [], { counters: { total: 10 }, counterReset: true }),
      reading(2, [], { counters: { total: 200 } }),
    ]);
    expect(reset.refused).toEqual([]);
    expect(reset.state.counters.map((point) => point.total)).toEqual([10, 200]);
    // a late reading from before the reset is another counting: accepted, not compared, not kept
    const late = applyReadings(reset.state, [reading(0.5, [], { counters: { total: 50_100 } })]);
    expect(late.accepted).toHaveLength(1);
    expect(late.state.counters.map((point) => point.total)).toEqual([10, 200]);
  });

  it('detects a cartridge swap from a jump up and starts the new cartridge history there', () => {
    const history = [
      ...fallingHistory(0, 10, 40, 4),
      reading(10, [black(100)]),
      reading(11, [black(98)]),
    ];
    const { state, swaps } = applyReadings(undefined, history);
    expect(swaps).toEqual([{ supplyId: '1', reorderNumber: 'TK-5240K', readAt: dayIso(10) }]);
    const supply = blackHistory(state);
    expect(supply.points.map((point) => point.fill)).toEqual([1, 0.98]);
    expect(supply.previous?.fill).toBe(0.04);
    expect(supply.swaps).toEqual([Date.parse(dayIso(10))]);
    expect(supply.finished).toEqual([expect.objectContaining({ endedAt: Date.parse(dayIso(9)) })]);
  });

  it('counts a swap once however its readings arrive (repeated, late, or the old cartridge late)', () => {
    const before = applyReadings(undefined, [reading(0, [black(30)]), reading(1, [black(20)])]);
    const swapped = applyReadings(before.state, [reading(3, [black(100)])]);
    expect(swapped.swaps).toHaveLength(1);
    // a late reading of the new cartridge moves the swap earlier, no second swap
    const earlier = applyReadings(swapped.state, [reading(2.5, [black(100)])]);
    expect(earlier.swaps).toEqual([]);
    expect(blackHistory(earlier.state).swaps).toEqual([Date.parse(dayIso(2.5))]);
    // a late reading of the old cartridge changes nothing either
    const old = applyReadings(earlier.state, [reading(2, [black(15)])]);
    expect(old.swaps).toEqual([]);
    expect(blackHistory(old.state).points[0].at).toBe(Date.parse(dayIso(2.5)));
    expect(blackHistory(old.state).previous?.fill).toBe(0.15);
  });

  it('detects a swap on a coarse-only device (low or empty, then ok)', () => {
    const coarse = (day: number, state: 'ok' | 'low' | 'empty') =>
      reading(day, [{ supplyId: 'K', description: 'Toner', state }]);
    const { swaps } = applyReadings(undefined, [
      coarse(0, 'ok'),
      coarse(5, 'low'),
      coarse(8, 'empty'),
      coarse(9, 'ok'),
    ]);
    expect(swaps).toEqual([{ supplyId: 'K', readAt: dayIso(9) }]);
  });

  it('keeps RFC 3805 special values as said, without points', () => {
    const { state } = applyReadings(undefined, [
      reading(0, [{ supplyId: '1', description: 'Toner', level: -3, maxCapacity: -2 }]),
    ]);
    expect(blackHistory(state).latest).toEqual({
      at: Date.parse(dayIso(0)),
      level: -3,
      maxCapacity: -2,
    });
    expect(blackHistory(state).points).toEqual([]);
  });

  it('stays bounded however long the device reports', () => {
    const hourly = Array.from({ length: 24 * 120 }, (_, hour) =>
      reading(hour / 24, [black(100 - Math.floor((hour / 24) % 50) * 2)], {
        counters: { total: hour * 10 },
      }),
    );
    const { state } = applyReadings(undefined, hourly);
    expect(state.readTimes).toHaveLength(DEFAULT_STATE_LIMITS.readTimes);
    expect(state.counters.length).toBeLessThanOrEqual(DEFAULT_STATE_LIMITS.counterPoints);
    expect(blackHistory(state).points.length).toBeLessThanOrEqual(
      DEFAULT_STATE_LIMITS.supplyPoints,
    );
    expect(JSON.stringify(state).length).toBeLessThan(20_000);
    // a reading older than the kept read times cannot be told from a duplicate: refused, with why
    const ancient = applyReadings(state, [reading(0.5, [black(90)])]);
    expect(ancient.refused[0]).toMatchObject({
      field: 'readAt',
      reason: 'is older than the history kept for this device',
    });
  });

  it('refuses a reading of another device', () => {
    const { state } = applyReadings(undefined, [reading(0, [black(50)])]);
    const result = applyReadings(state, [{ ...reading(1, [black(40)]), serial: 'OTHER12345' }]);
    expect(result.refused[0]).toMatchObject({
      field: 'serial',
      reason: 'belongs to another device',
    });
  });
});
