import { newOrderNumber, normaliseOrderNumber, ORDER_NUMBER_PATTERN } from './order-number';

describe('order numbers', () => {
  it('reads MS-YYMMDD-XXXXXX with the order day', () => {
    const number = newOrderNumber(new Date('2026-03-14T23:59:00Z'));
    expect(number).toMatch(/^MS-260314-[A-Z0-9]{6}$/);
    expect(number).toMatch(ORDER_NUMBER_PATTERN);
  });

  it('never uses characters that are misread on the phone', () => {
    for (let i = 0; i < 200; i++) {
      expect(newOrderNumber(new Date()).slice(10)).not.toMatch(/[0O1IL5S2Z8B]/);
    }
  });

  it('draws a different number each time', () => {
    const numbers = new Set(Array.from({ length: 1000 }, () => newOrderNumber(new Date())));
    expect(numbers.size).toBeGreaterThan(995);
  });

  it('normalises what a person typed', () => {
    expect(normaliseOrderNumber(' ms-260314-7kq3xh ')).toBe('MS-260314-7KQ3XH');
  });
});
