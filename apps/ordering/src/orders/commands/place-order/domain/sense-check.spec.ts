import { defaultAllowance, holdReason, onsiteBottles, senseCheck } from './sense-check';

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
      {
        reorderNumber: 'TK-1',
        onsiteBottles: 5,
        alreadyOrderedBottles: 0,
        orderedBottles: 4,
        allowanceBottles: 8,
      },
    ]);
  });

  it('uses an override for the item instead of the carton default', () => {
    const allowance = defaultAllowance(2, new Map([['TK-1', 20]]));
    expect(senseCheck([{ ...row, quantity: 15 }], allowance)).toEqual([]);
    expect(allowance('OTHER', 3)).toBe(6);
  });

  it('holds a row when what is already ordered for the serial brings it over the allowance', () => {
    const empty = { ...row, fullCartonsOnsite: 0, bottlesOnsite: 0, quantity: 8 };
    expect(senseCheck([empty], defaultAllowance(2), () => 0)).toEqual([]);
    const held = senseCheck([empty], defaultAllowance(2), (item) => (item === 'TK-1' ? 8 : 0));
    expect(held).toEqual([
      {
        reorderNumber: 'TK-1',
        onsiteBottles: 0,
        alreadyOrderedBottles: 8,
        orderedBottles: 8,
        allowanceBottles: 8,
      },
    ]);
    expect(holdReason(held)).toMatch(
      /TK-1: 0 onsite \+ 8 already ordered \(on the way or delivered lately\) \+ 8 ordered exceeds the allowance of 8/,
    );
  });

  it('passes a small order that still fits beside what is already ordered', () => {
    const small = { ...row, fullCartonsOnsite: 0, bottlesOnsite: 1, quantity: 3 };
    expect(senseCheck([small], defaultAllowance(2), () => 4)).toEqual([]);
  });
});
