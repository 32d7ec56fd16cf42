import {
  calendarDay,
  Contract,
  coversOn,
  decidingContract,
  isCovered,
  mergeContracts,
  sameContract,
} from './contract';

function contract(overrides: Partial<Contract>): Contract {
  return {
    contractId: 'MS-1',
    serial: 'SERIAL0001',
    status: 'active',
    startsOn: '2025-01-01',
    endsOn: '2028-12-31',
    ...overrides,
  };
}

describe('current contract rule', () => {
  const today = '2026-11-27';

  it('covers a device whose active contract runs today', () => {
    expect(isCovered([contract({})], today)).toBe(true);
  });

  it('covers on the first and on the last day of the contract', () => {
    expect(coversOn(contract({ startsOn: today }), today)).toBe(true);
    expect(coversOn(contract({ endsOn: today }), today)).toBe(true);
  });

  it('does not cover after the contract ended', () => {
    expect(isCovered([contract({ endsOn: '2026-11-26' })], today)).toBe(false);
  });

  it('does not cover before the contract starts', () => {
    expect(isCovered([contract({ startsOn: '2026-11-28' })], today)).toBe(false);
  });

  it('does not cover a suspended or terminated contract within its dates', () => {
    expect(isCovered([contract({ status: 'suspended' })], today)).toBe(false);
    expect(isCovered([contract({ status: 'terminated' })], today)).toBe(false);
  });

  it('does not cover a device without contracts', () => {
    expect(isCovered([], today)).toBe(false);
    expect(decidingContract([], today)).toBeUndefined();
  });

  it('lets the latest started contract decide: a later termination beats an older active one', () => {
    const old = contract({ contractId: 'MS-1' });
    const termination = contract({
      contractId: 'MS-2',
      status: 'terminated',
      startsOn: '2026-06-01',
    });
    expect(decidingContract([old, termination], today)).toBe(termination);
    expect(isCovered([old, termination], today)).toBe(false);
  });

  it('lets a renewal decide once started: an expired contract followed by an active one covers', () => {
    const expired = contract({ contractId: 'MS-1', startsOn: '2022-01-01', endsOn: '2024-12-31' });
    const renewal = contract({ contractId: 'MS-2', startsOn: '2025-01-01' });
    expect(decidingContract([renewal, expired], today)).toBe(renewal);
    expect(isCovered([expired, renewal], today)).toBe(true);
  });

  it('keeps the running contract deciding while a renewal has not started yet', () => {
    const running = contract({ contractId: 'MS-1', endsOn: '2026-12-31' });
    const upcoming = contract({ contractId: 'MS-2', startsOn: '2027-01-01' });
    expect(decidingContract([running, upcoming], today)).toBe(running);
    expect(isCovered([running, upcoming], today)).toBe(true);
  });

  it('names the earliest upcoming contract when none has started yet', () => {
    const later = contract({ contractId: 'MS-2', startsOn: '2028-01-01' });
    const sooner = contract({ contractId: 'MS-1', startsOn: '2027-01-01' });
    expect(decidingContract([later, sooner], today)).toBe(sooner);
  });

  it('dates today in UTC calendar days', () => {
    expect(calendarDay(new Date('2026-11-27T23:59:59Z'))).toBe('2026-11-27');
  });
});

describe('applying imported contracts to a device', () => {
  it('replaces a stored contract by id and adds new ones, oldest first', () => {
    const old = contract({ contractId: 'MS-1', startsOn: '2022-01-01', endsOn: '2024-12-31' });
    const renewal = contract({ contractId: 'MS-2', startsOn: '2025-01-01' });
    const ended = { ...old, status: 'terminated' as const };
    expect(mergeContracts([renewal, old], [ended])).toEqual([ended, renewal]);
    expect(mergeContracts([old], [renewal])).toEqual([old, renewal]);
  });

  it('tells an identical contract from a changed one', () => {
    expect(sameContract(contract({}), contract({}))).toBe(true);
    expect(sameContract(contract({}), contract({ endsOn: '2027-12-31' }))).toBe(false);
  });
});
