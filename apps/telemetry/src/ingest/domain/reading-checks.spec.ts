import 'reflect-metadata';
import { checkReading, REFUSAL_REASONS } from './reading-checks';

const now = new Date('2026-12-04T12:00:00Z');
const skew = 10 * 60_000;
const reading = (overrides: Record<string, unknown> = {}) => ({
  serial: 'E72345A6N1',
  readAt: '2026-12-04T11:00:00+01:00',
  counters: { total: 1200 },
  supplies: [
    { supplyId: '1', description: 'Black Toner Cartridge', level: 400, maxCapacity: 1000 },
  ],
  ...overrides,
});

describe('checkReading', () => {
  it('accepts a reading and stores its time in UTC, so one moment is one reading', () => {
    const check = checkReading(reading(), now, skew);
    expect(check).toMatchObject({ ok: true, reading: { readAt: '2026-12-04T10:00:00.000Z' } });
  });

  it('keeps the RFC 3805 special values and coarse states', () => {
    const supplies = [
      { supplyId: '1', description: 'Black', level: -3, maxCapacity: -2 },
      { supplyId: '2', description: 'Cyan', state: 'low' },
    ];
    expect(checkReading(reading({ supplies }), now, skew).ok).toBe(true);
  });

  it.each([
    [
      'a level above maxCapacity',
      { supplies: [{ supplyId: '1', description: 'B', level: 1001, maxCapacity: 1000 }] },
      'supplies.0.level',
      REFUSAL_REASONS.levelAboveMax,
    ],
    [
      'a readAt in the future beyond the skew',
      { readAt: '2026-12-04T12:11:00Z' },
      'readAt',
      REFUSAL_REASONS.future,
    ],
    ['a readAt without a zone', { readAt: '2026-12-04T11:00:00' }, 'readAt', undefined],
    ['an unknown field', { colour: 'red' }, 'colour', undefined],
    ['a negative counter', { counters: { total: -1 } }, 'counters.total', undefined],
    [
      'a supply without level or state',
      { supplies: [{ supplyId: '1', description: 'B' }] },
      'supplies.0.level',
      undefined,
    ],
    [
      'a supply twice',
      {
        supplies: [
          { supplyId: '1', description: 'B', state: 'ok' },
          { supplyId: '1', description: 'B', state: 'ok' },
        ],
      },
      'supplies.1.supplyId',
      undefined,
    ],
    ['a bad serial', { serial: 'e7-2' }, 'serial', undefined],
  ])('refuses %s, naming the field', (_what, overrides, field, reason) => {
    const check = checkReading(reading(overrides), now, skew);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.refusal.field).toBe(field);
    if (reason) expect(check.refusal.reason).toBe(reason);
    else expect(check.refusal.reason).toMatch(/^malformed reading: /);
  });

  it('accepts a readAt in the future within the clock skew', () => {
    expect(checkReading(reading({ readAt: '2026-12-04T12:09:00Z' }), now, skew).ok).toBe(true);
  });
});
