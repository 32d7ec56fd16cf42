import { checkReading } from './check-reading';

const now = new Date('2026-03-01T12:00:00Z');
const ctx = { now, maxClockSkewMs: 10 * 60_000 };

function valid(): Record<string, unknown> {
  return {
    serial: 'e72345a6n1 ',
    readAt: '2026-03-01T13:00:00+02:00',
    counters: { total: 1200, mono: 1000, colour: 200 },
    supplies: [
      {
        supplyId: '1',
        description: 'Black Toner',
        reorderNumber: 'tk-5240k',
        level: 40,
        maxCapacity: 100,
      },
      { supplyId: '2', description: 'Cyan Toner', level: -3, maxCapacity: -2 },
      { supplyId: '3', description: 'Waste box', state: 'ok' },
    ],
    extra: 'dropped',
  };
}

function refusal(patch: (raw: Record<string, unknown>) => void) {
  const raw = valid();
  patch(raw);
  const result = checkReading(raw, ctx);
  if (result.ok) throw new Error('expected a refusal');
  return { field: result.field, reason: result.reason };
}

const supplyAt = (raw: Record<string, unknown>, index: number) =>
  (raw.supplies as Record<string, unknown>[])[index];

describe('checkReading', () => {
  it('accepts a good reading and returns a clean copy (normalised identifiers, canonical readAt, no unknown fields)', () => {
    const result = checkReading(valid(), ctx);
    expect(result).toEqual({
      ok: true,
      reading: {
        serial: 'E72345A6N1',
        readAt: '2026-03-01T11:00:00.000Z',
        counters: { total: 1200, mono: 1000, colour: 200 },
        supplies: [
          {
            supplyId: '1',
            description: 'Black Toner',
            reorderNumber: 'TK-5240K',
            level: 40,
            maxCapacity: 100,
          },
          { supplyId: '2', description: 'Cyan Toner', level: -3, maxCapacity: -2 },
          { supplyId: '3', description: 'Waste box', state: 'ok' },
        ],
      },
    });
  });

  it('accepts the RFC 3805 special values -1, -2 and -3 as levels with any capacity', () => {
    for (const level of [-1, -2, -3]) {
      const raw = valid();
      supplyAt(raw, 0).level = level;
      expect(checkReading(raw, ctx).ok).toBe(true);
    }
  });

  it.each([
    [
      'not an object',
      (raw: Record<string, unknown>) => Object.assign(raw, { supplies: 'x' }),
      'supplies',
      'is required (an array)',
    ],
    [
      'a bad serial',
      (raw: Record<string, unknown>) => (raw.serial = 'AB-12'),
      'serial',
      'must be 8-15 letters and digits',
    ],
    [
      'no serial',
      (raw: Record<string, unknown>) => delete raw.serial,
      'serial',
      'is required (a string)',
    ],
    [
      'readAt without a zone',
      (raw: Record<string, unknown>) => (raw.readAt = '2026-03-01T10:00:00'),
      'readAt',
      'must be an ISO 8601 date-time with a zone',
    ],
    [
      'readAt not a date',
      (raw: Record<string, unknown>) => (raw.readAt = '2026-13-45T10:00:00Z'),
      'readAt',
      'is not a valid date-time',
    ],
    [
      'readAt in the future beyond skew',
      (raw: Record<string, unknown>) => (raw.readAt = '2026-03-01T12:11:00Z'),
      'readAt',
      'is in the future beyond the allowed clock skew',
    ],
    [
      'readAt before 2000',
      (raw: Record<string, unknown>) => (raw.readAt = '1999-12-31T23:00:00Z'),
      'readAt',
      'is before 2000-01-01',
    ],
    [
      'a negative counter',
      (raw: Record<string, unknown>) => (raw.counters = { total: -1 }),
      'counters.total',
      'must be a non-negative integer',
    ],
    [
      'a fractional counter',
      (raw: Record<string, unknown>) => (raw.counters = { mono: 1.5 }),
      'counters.mono',
      'must be a non-negative integer',
    ],
    [
      'counterReset not boolean',
      (raw: Record<string, unknown>) => (raw.counterReset = 'yes'),
      'counterReset',
      'must be true or false',
    ],
    [
      'too many supplies',
      (raw: Record<string, unknown>) =>
        (raw.supplies = Array.from({ length: 33 }, (_, i) => ({
          supplyId: `${i}`,
          description: '',
          state: 'ok',
        }))),
      'supplies',
      'must have at most 32 entries',
    ],
    [
      'a level above maxCapacity',
      (raw: Record<string, unknown>) => (supplyAt(raw, 0).level = 101),
      'supplies[0].level',
      'is above maxCapacity',
    ],
    [
      'a level below -3',
      (raw: Record<string, unknown>) => (supplyAt(raw, 0).level = -4),
      'supplies[0].level',
      'must be 0 or more, or -1 (other), -2 (unknown), -3 (some remaining)',
    ],
    [
      'a level without capacity',
      (raw: Record<string, unknown>) => delete supplyAt(raw, 0).maxCapacity,
      'supplies[0].maxCapacity',
      'is required with a level',
    ],
    [
      'a zero capacity',
      (raw: Record<string, unknown>) => (supplyAt(raw, 0).maxCapacity = 0),
      'supplies[0].maxCapacity',
      'must be positive, or -1 (other) or -2 (unknown)',
    ],
    [
      'neither level nor state',
      (raw: Record<string, unknown>) => delete supplyAt(raw, 2).state,
      'supplies[2].level',
      'is required (or a coarse state: ok, low, empty)',
    ],
    [
      'a bad coarse state',
      (raw: Record<string, unknown>) => (supplyAt(raw, 2).state = 'half'),
      'supplies[2].state',
      'must be one of ok, low, empty',
    ],
    [
      'a repeated supplyId',
      (raw: Record<string, unknown>) => (supplyAt(raw, 1).supplyId = '1'),
      'supplies[1].supplyId',
      'is repeated',
    ],
    [
      'a control character',
      (raw: Record<string, unknown>) => (supplyAt(raw, 0).description = 'Black\u0007'),
      'supplies[0].description',
      'must not contain control characters',
    ],
    [
      'a too long description',
      (raw: Record<string, unknown>) => (supplyAt(raw, 0).description = 'x'.repeat(201)),
      'supplies[0].description',
      'must be at most 200 characters',
    ],
    [
      'an empty supplyId',
      (raw: Record<string, unknown>) => (supplyAt(raw, 0).supplyId = ' '),
      'supplies[0].supplyId',
      'must not be empty',
    ],
    [
      'a bad reorder number',
      (raw: Record<string, unknown>) => (supplyAt(raw, 0).reorderNumber = 'x'),
      'supplies[0].reorderNumber',
      'is not a valid reorder number',
    ],
    [
      'a non-integer level',
      (raw: Record<string, unknown>) => (supplyAt(raw, 0).level = '40'),
      'supplies[0].level',
      'must be an integer',
    ],
  ])('refuses %s with the field and the reason', (_name, patch, field, reason) => {
    expect(refusal(patch)).toEqual({ field, reason });
  });

  it('refuses what is not an object at all', () => {
    expect(checkReading(null, ctx)).toEqual({
      ok: false,
      field: 'reading',
      reason: 'must be an object',
    });
    expect(checkReading([1], ctx)).toEqual({
      ok: false,
      field: 'reading',
      reason: 'must be an object',
    });
  });

  it('accepts a readAt ahead of the clock within the skew', () => {
    const raw = valid();
    raw.readAt = '2026-03-01T12:09:00Z';
    expect(checkReading(raw, ctx).ok).toBe(true);
  });
});
