import { refusedInsertIndexes } from './lock-store';

describe('reading an unordered insert of locks that was partly refused', () => {
  it('finds the positions of locks already held (duplicate keys)', () => {
    const error = {
      code: 11000,
      writeErrors: [
        { index: 1, code: 11000 },
        { index: 3, code: 11000 },
      ],
    };
    expect(refusedInsertIndexes(error)).toEqual({
      duplicates: new Set([1, 3]),
      onlyDuplicates: true,
    });
  });

  it('reads a single write error as the driver may report it', () => {
    expect(refusedInsertIndexes({ writeErrors: { index: 0, code: 11000 } })).toEqual({
      duplicates: new Set([0]),
      onlyDuplicates: true,
    });
  });

  it('tells apart a failure that is not a held lock', () => {
    const mixed = {
      writeErrors: [
        { index: 0, code: 11000 },
        { index: 1, code: 121 },
      ],
    };
    expect(refusedInsertIndexes(mixed).onlyDuplicates).toBe(false);
    expect(refusedInsertIndexes(new Error('connection reset')).onlyDuplicates).toBe(false);
  });
});
