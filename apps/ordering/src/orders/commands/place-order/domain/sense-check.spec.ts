import { defaultAllowance, onsiteBottles, senseCheck } from './sense-check';

const row = {
  reorderNumber: 'TK-1',
  bottlesPerCarton: 4,
  fullCartonsOnsite: 1,
  bottlesOnsite: 1,
  quantity: 3,
};

describe('consumption sense check', () => {
  it('counts onsite stock as full cartons × bottles per carton + loose bottles', () => {
    expect(onsiteBottles(row)).toBe(5);
  });

  it('passes an order that reaches the allowance exactly', () => {
    expect(senseCheck([row], defaultAllowance(2))).toEqual([]);
  });

  it('holds a row one bottle over the allowance, with the numbers', () => {
    expect(senseCheck([{ ...row, quantity: 4 }], defaultAllowance(2))).toEqual([
      { reorderNumber: 'TK-1', onsiteBottles: 5, orderedBottles: 4, allowanceBottles: 8 },
    ]);
  });

  it('uses an override for the item instead of the carton default', () => {
    const allowance = defaultAllowance(2, new Map([['TK-1', 20]]));
    expect(senseCheck([{ ...row, quantity: 15 }], allowance)).toEqual([]);
    expect(allowance('OTHER', 3)).toBe(6);
  });
});
