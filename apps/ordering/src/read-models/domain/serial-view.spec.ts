import {
  applyContractDecided,
  applySerialLinked,
  applySerialUnlinked,
  belongsTo,
  isCoveredOn,
} from './serial-view';

const contract = (endsOn: string) => ({
  contractId: 'C-1',
  status: 'active' as const,
  startsOn: '2025-01-01',
  endsOn,
});

const linked = {
  serial: 'E72345A6N1',
  accountId: 'acc-1',
  country: 'US',
  model: { code: 'VL', name: 'VersaLink', family: 'office' as const },
  shipTo: { line1: '1 Main St', city: 'Rochester', postalCode: '14604', country: 'US' },
  supplyItems: [
    { reorderNumber: 'TK-1', description: 'Black', kind: 'toner', bottlesPerCarton: 4 },
  ],
  contract: contract('2027-12-31'),
  addedAt: new Date('2026-01-01T00:00:00Z'),
};

describe('serial read model', () => {
  it('takes a linked serial with its contract, items and account', () => {
    const view = applySerialLinked(null, linked);
    expect(view).toMatchObject({
      serial: 'E72345A6N1',
      accountId: 'acc-1',
      contract: contract('2027-12-31'),
    });
    expect(belongsTo(view, 'acc-1')).toBe(true);
    expect(belongsTo(view, 'acc-2')).toBe(false);
  });

  it('lets a newer contract change win and ignores an older one arriving late', () => {
    const view = applySerialLinked(null, linked)!;
    const ended = applyContractDecided(view, {
      serial: view.serial,
      contract: contract('2026-01-31'),
      changedAt: new Date('2026-02-01T00:00:00Z'),
    })!;
    expect(ended.contract?.endsOn).toBe('2026-01-31');
    expect(
      applyContractDecided(ended, {
        serial: view.serial,
        contract: contract('2030-01-01'),
        changedAt: new Date('2026-01-15T00:00:00Z'),
      }),
    ).toBeNull();
  });

  it('keeps a contract that arrived before the link when the link carries an older one', () => {
    const early = applyContractDecided(null, {
      serial: linked.serial,
      contract: contract('2026-06-30'),
      changedAt: new Date('2026-02-01T00:00:00Z'),
    })!;
    expect(belongsTo(early, 'acc-1')).toBe(false); // not linked yet: nobody can order for it
    const view = applySerialLinked(early, linked)!;
    expect(view.accountId).toBe('acc-1');
    expect(view.contract?.endsOn).toBe('2026-06-30');
  });

  it('ignores a redelivered older link', () => {
    const view = applySerialLinked(null, linked)!;
    expect(
      applySerialLinked(view, { ...linked, addedAt: new Date('2025-12-01T00:00:00Z') }),
    ).toBeNull();
  });

  it('drops a removed serial from its account and ignores an older link delivered again', () => {
    const view = applySerialLinked(null, linked)!;
    const removed = applySerialUnlinked(view, {
      serial: linked.serial,
      accountId: 'acc-1',
      removedAt: new Date('2026-02-01T00:00:00Z'),
    })!;
    expect(belongsTo(removed, 'acc-1')).toBe(false);
    expect(applySerialLinked(removed, linked)).toBeNull();
    const again = { serial: linked.serial, accountId: 'acc-1', removedAt: removed.unlinkedAt! };
    expect(applySerialUnlinked(removed, again)).toBeNull();
    // Linked again later: it belongs to the account once more.
    const relinked = applySerialLinked(removed, {
      ...linked,
      addedAt: new Date('2026-03-01T00:00:00Z'),
    });
    expect(belongsTo(relinked, 'acc-1')).toBe(true);
  });

  it('ignores a removal older than the serial`s current link', () => {
    const view = applySerialLinked(null, { ...linked, addedAt: new Date('2026-03-01T00:00:00Z') });
    expect(
      applySerialUnlinked(view, {
        serial: linked.serial,
        accountId: 'acc-1',
        removedAt: new Date('2026-02-01T00:00:00Z'),
      }),
    ).toBeNull();
  });

  it('covers a day only within an active contract', () => {
    expect(isCoveredOn(contract('2026-03-14'), '2026-03-14')).toBe(true);
    expect(isCoveredOn(contract('2026-03-13'), '2026-03-14')).toBe(false);
    expect(isCoveredOn({ ...contract('2027-01-01'), status: 'suspended' }, '2026-03-14')).toBe(
      false,
    );
    expect(isCoveredOn(undefined, '2026-03-14')).toBe(false);
  });
});
