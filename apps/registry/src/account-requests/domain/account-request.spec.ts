import { machinesRequestProblems, maySeeRequest, serialsToApprove } from './account-request';

const eligible = (serial: string) => ({ serial, outcome: 'eligible' as const, message: 'ok' });
const failed = (serial: string, outcome: 'unknown-serial' | 'no-active-contract') => ({
  serial,
  outcome,
  message: `${serial}: ${outcome}`,
});

describe('an add-machines request', () => {
  it('goes to the helpdesk when at least one serial passes the checks', () => {
    expect(
      machinesRequestProblems([eligible('A0000001'), failed('A0000002', 'no-active-contract')]),
    ).toEqual([]);
  });

  it('is refused when a serial is unknown, naming that serial by its position', () => {
    expect(
      machinesRequestProblems([eligible('A0000001'), failed('A0000002', 'unknown-serial')]),
    ).toEqual([{ field: 'serials.1', reason: 'A0000002: unknown-serial' }]);
  });

  it('is refused when no serial passes the checks, with the reason for each', () => {
    expect(machinesRequestProblems([failed('A0000001', 'no-active-contract')])).toEqual([
      { field: 'serials.0', reason: 'A0000001: no-active-contract' },
    ]);
  });
});

describe('approving an add-machines request', () => {
  const checks = [
    eligible('A0000001'),
    failed('A0000002', 'no-active-contract'),
    eligible('A0000003'),
  ];

  it('links every serial that passed the checks by default', () => {
    expect(serialsToApprove(checks)).toEqual({ ok: true, serials: ['A0000001', 'A0000003'] });
  });

  it("links only the agent's choice when given", () => {
    expect(serialsToApprove(checks, ['A0000003'])).toEqual({ ok: true, serials: ['A0000003'] });
  });

  it('refuses serials that were not requested', () => {
    expect(serialsToApprove(checks, ['B0000009'])).toEqual({
      ok: false,
      problem: 'not-requested',
      serials: ['B0000009'],
    });
  });

  it('has nothing to approve when no serial passed', () => {
    expect(serialsToApprove([failed('A0000002', 'no-active-contract')])).toEqual({
      ok: false,
      problem: 'none-eligible',
    });
    expect(serialsToApprove(checks, [])).toEqual({ ok: false, problem: 'none-eligible' });
  });
});

describe('who may see a request', () => {
  const request = { accountId: 'acc-1' };

  it("shows a customer their own account's requests only", () => {
    expect(maySeeRequest({ roles: ['customer'], accountId: 'acc-1' }, request)).toBe(true);
    expect(maySeeRequest({ roles: ['customer'], accountId: 'acc-2' }, request)).toBe(false);
  });

  it('shows staff every request', () => {
    expect(maySeeRequest({ roles: ['helpdesk'] }, request)).toBe(true);
  });
});
