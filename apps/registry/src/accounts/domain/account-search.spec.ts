import { readAccountSearch } from './account-search';

describe('reading the helpdesk account search', () => {
  it('looks for nothing when the text is blank', () => {
    expect(readAccountSearch('   ')).toBeUndefined();
    expect(readAccountSearch(undefined)).toBeUndefined();
  });

  it('matches a company fragment case-insensitively', () => {
    const search = readAccountSearch('acme');
    expect(search?.companyPattern.test('The ACME Corporation')).toBe(true);
    expect(search?.serial).toBeUndefined();
  });

  it('takes special characters of a company name literally', () => {
    const search = readAccountSearch('A+B (US)');
    expect(search?.companyPattern.test('A+B (US) Ltd')).toBe(true);
    expect(search?.companyPattern.test('AAB US')).toBe(false);
  });

  it('also looks for a serial when the text has the shape of one, as typed in any case', () => {
    expect(readAccountSearch(' e72345a6n1 ')?.serial).toBe('E72345A6N1');
  });

  it('also looks for an account id when the text is one', () => {
    const id = '6F1C1D5E-8A7B-4B8E-9D55-0A1B2C3D4E5F';
    expect(readAccountSearch(id)?.accountId).toBe(id.toLowerCase());
  });
});
