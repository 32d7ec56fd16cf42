import { Registration, SerialCheck } from './registration';
import {
  acceptsChecks,
  approvableSerials,
  canMove,
  checksMismatch,
  eligibleSerials,
  normaliseSerials,
  rejectionConflict,
  shipToProblems,
} from './registration-rules';

function check(serial: string, outcome = 'eligible'): SerialCheck {
  return { serial, outcome, message: outcome };
}

function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    id: 'a6f1c2c0-0000-4000-8000-000000000001',
    status: 'pending-review',
    company: 'Acme',
    contactName: 'Ada',
    email: 'ada@acme.test',
    phone: '+1 555 123 4567',
    country: 'US',
    shipTo: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
    serials: ['SERIAL0001', 'SERIAL0002', 'SERIAL0003'],
    checks: {
      checkedAt: new Date('2026-01-01T10:00:00Z'),
      allEligible: false,
      results: [
        check('SERIAL0001'),
        check('SERIAL0002', 'no-active-contract'),
        check('SERIAL0003'),
      ],
    },
    decision: null,
    approvalClaim: null,
    requestedAt: new Date('2026-01-01T09:00:00Z'),
    ...overrides,
  };
}

describe('registration status transitions', () => {
  it('moves an awaiting request to review once checked, or lets a validator reject it early', () => {
    expect(canMove('awaiting-checks', 'pending-review')).toBe(true);
    expect(canMove('awaiting-checks', 'rejected')).toBe(true);
    expect(canMove('awaiting-checks', 'approved')).toBe(false);
  });

  it('lets a reviewed request be approved or rejected', () => {
    expect(canMove('pending-review', 'approved')).toBe(true);
    expect(canMove('pending-review', 'rejected')).toBe(true);
  });

  it('never changes a decided request', () => {
    for (const to of ['awaiting-checks', 'pending-review', 'approved', 'rejected'] as const) {
      expect(canMove('approved', to)).toBe(false);
      expect(canMove('rejected', to)).toBe(false);
    }
  });
});

describe('serials typed at registration', () => {
  it('trims and upper-cases them', () => {
    expect(normaliseSerials([' abc12345 ', 'XyZ987654'])).toEqual({
      ok: true,
      value: ['ABC12345', 'XYZ987654'],
    });
  });

  it('names each malformed serial by its position', () => {
    const outcome = normaliseSerials(['ABC12345', 'AB-12345', 'short', 'X'.repeat(16)]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.kind !== 'invalid') throw new Error('expected problems');
    expect(outcome.problems.map((problem) => problem.field)).toEqual([
      'serials.1',
      'serials.2',
      'serials.3',
    ]);
  });

  it('refuses a serial repeated after normalisation, naming the repeat', () => {
    const outcome = normaliseSerials(['abc12345', 'DEF67890', ' ABC12345']);
    if (outcome.ok || outcome.kind !== 'invalid') throw new Error('expected problems');
    expect(outcome.problems).toEqual([
      { field: 'serials.2', reason: 'ABC12345 is already listed as serials.0' },
    ]);
  });
});

describe('ship-to country', () => {
  it('must be the country of the registration', () => {
    expect(shipToProblems('US', 'US')).toEqual([]);
    expect(shipToProblems('US', 'CA')).toEqual([
      { field: 'shipTo.country', reason: "must be the registration's country US" },
    ]);
  });
});

describe('accepting the registry checks', () => {
  const later = new Date('2026-01-01T11:00:00Z');
  const earlier = new Date('2026-01-01T09:30:00Z');

  it('takes the first result of a request awaiting checks', () => {
    expect(acceptsChecks(registration({ status: 'awaiting-checks', checks: null }), earlier)).toBe(
      true,
    );
  });

  it('takes a newer re-check while pending review, not an older or repeated one', () => {
    expect(acceptsChecks(registration(), later)).toBe(true);
    expect(acceptsChecks(registration(), earlier)).toBe(false);
    expect(acceptsChecks(registration(), new Date('2026-01-01T10:00:00Z'))).toBe(false);
  });

  it('ignores results once the request is decided', () => {
    expect(acceptsChecks(registration({ status: 'approved' }), later)).toBe(false);
    expect(acceptsChecks(registration({ status: 'rejected' }), later)).toBe(false);
  });

  it('refuses results that do not cover exactly the registration serials', () => {
    const reg = registration();
    expect(checksMismatch(reg, reg.checks!.results)).toBeNull();
    expect(checksMismatch(reg, [check('SERIAL0001'), check('SERIAL0002')])).toBe(
      'not checked: SERIAL0003',
    );
    expect(checksMismatch(reg, [...reg.checks!.results, check('OTHER0001')])).toBe(
      'not in the registration: OTHER0001',
    );
  });
});

describe('approvable serials', () => {
  it('are by default every eligible serial, in the order they were listed', () => {
    expect(eligibleSerials(registration())).toEqual(['SERIAL0001', 'SERIAL0003']);
    expect(approvableSerials(registration())).toEqual({
      ok: true,
      value: ['SERIAL0001', 'SERIAL0003'],
    });
  });

  it('may be a subset the validator chose, normalised', () => {
    expect(approvableSerials(registration(), [' serial0003'])).toEqual({
      ok: true,
      value: ['SERIAL0003'],
    });
  });

  it('names a chosen serial that failed the checks or belongs to no one here', () => {
    const outcome = approvableSerials(registration(), ['SERIAL0001', 'SERIAL0002', 'FOREIGN001']);
    if (outcome.ok || outcome.kind !== 'invalid') throw new Error('expected problems');
    expect(outcome.problems.map((problem) => problem.field)).toEqual(['serials.1', 'serials.2']);
  });

  it('conflict when no serial is eligible', () => {
    const none = registration({
      checks: {
        checkedAt: new Date(),
        allEligible: false,
        results: [check('SERIAL0001', 'unknown-serial')],
      },
      serials: ['SERIAL0001'],
    });
    expect(approvableSerials(none)).toMatchObject({ ok: false, kind: 'conflict' });
  });

  it('conflict unless the request is pending review', () => {
    for (const status of ['awaiting-checks', 'approved', 'rejected'] as const) {
      expect(approvableSerials(registration({ status }))).toMatchObject({
        ok: false,
        kind: 'conflict',
      });
    }
  });
});

describe('rejection', () => {
  it('may reject an open request', () => {
    expect(rejectionConflict(registration())).toBeNull();
    expect(rejectionConflict(registration({ status: 'awaiting-checks', checks: null }))).toBeNull();
  });

  it('refuses a decided request', () => {
    expect(rejectionConflict(registration({ status: 'approved' }))).toMatch(/already approved/);
  });

  it('refuses while an approval has claimed the decision, whose user may already exist', () => {
    const approvalClaim = {
      accountId: 'b6f1c2c0-0000-4000-8000-000000000002',
      serials: ['SERIAL0001'],
      claimedBy: 'validator-1',
      claimedAt: new Date('2026-01-02T09:00:00Z'),
    };
    expect(rejectionConflict(registration({ approvalClaim }))).toBe(
      'registration is being approved',
    );
  });
});
