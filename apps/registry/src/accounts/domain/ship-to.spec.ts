import { normaliseShipTo, sameShipTo, shipToProblems } from './ship-to';

describe('a ship-to address change', () => {
  const address = { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' };

  it('stores trimmed fields and drops empty optional lines', () => {
    expect(normaliseShipTo({ ...address, line1: ' 1 Main St ', line2: '  ', state: '' })).toEqual(
      address,
    );
  });

  it('treats an address that differs only in blanks as the same address', () => {
    expect(sameShipTo(address, { ...address, city: 'Springfield ', line2: '' })).toBe(true);
    expect(sameShipTo(address, { ...address, postalCode: '54321' })).toBe(false);
  });

  it("refuses an address outside the account's country, naming the field", () => {
    expect(shipToProblems({ ...address, country: 'CA' }, 'US')).toEqual([
      { field: 'country', reason: "must be the account's country (US)" },
    ]);
    expect(shipToProblems(address, 'US')).toEqual([]);
  });
});
