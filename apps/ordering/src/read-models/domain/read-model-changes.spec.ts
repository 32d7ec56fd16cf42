import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { ContractChangedPayload, SerialAddedPayload } from '@metered/contracts';
import { contractChanged, reflects, serialAdded, applied } from './read-model-changes';
import type { SerialView } from './serial-view';

const shipTo = { line1: '1 Main St', city: 'Rochester', postalCode: '14604', country: 'US' };
const added = plainToInstance(SerialAddedPayload, {
  serial: 'SN1',
  accountId: 'acc-1',
  country: 'US',
  model: { code: 'T-1', name: 'Test', family: 'office' },
  shipTo,
  supplyItems: [{ reorderNumber: 'R-1', description: 'Toner', kind: 'toner', bottlesPerCarton: 4 }],
  contract: { contractId: 'C-1', status: 'active', startsOn: '2020-01-01', endsOn: '2099-12-31' },
  addedAt: '2026-01-01T00:00:00.000Z',
});

/** What the database gives back: plain objects, its own key order. */
function stored(view: SerialView): SerialView {
  const plain = JSON.parse(JSON.stringify(view), (key, value: unknown) =>
    typeof value === 'string' && /At$|AsOf$/.test(key) ? new Date(value) : value,
  ) as SerialView;
  return Object.fromEntries(Object.entries(plain).reverse()) as unknown as SerialView;
}

describe('read-model changes as the placement cache uses them', () => {
  it('a stored copy written from an event reflects it (redelivery changes nothing)', () => {
    const view = stored(applied(null, serialAdded(added))!);
    expect(reflects(view, serialAdded(added))).toBe(true);
  });

  it('a copy from before the event does not reflect it; applying it gives the newer copy', () => {
    const before = stored(applied(null, serialAdded(added))!);
    const ended = plainToInstance(ContractChangedPayload, {
      serial: 'SN1',
      contract: {
        contractId: 'C-1',
        status: 'terminated',
        startsOn: '2020-01-01',
        endsOn: '2020-12-31',
      },
      changedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(reflects(before, contractChanged(ended))).toBe(false);
    const after = applied(before, contractChanged(ended))!;
    expect(after.contract?.status).toBe('terminated');
    expect(reflects(stored(after), contractChanged(ended))).toBe(true);
    // An older event is reflected by a newer copy: it would not change it.
    expect(reflects(stored(after), serialAdded(added))).toBe(true);
  });

  it('a copy the driver stored reflects its event (an undefined field comes back as null)', () => {
    const withUndefined = plainToInstance(SerialAddedPayload, {
      ...added,
      shipTo: { ...shipTo, line2: undefined, state: undefined },
    });
    const view = stored(applied(null, serialAdded(withUndefined))!);
    const asStored = { ...view, shipTo: { ...view.shipTo!, line2: null, state: null } };
    expect(reflects(asStored as unknown as SerialView, serialAdded(withUndefined))).toBe(true);
  });

  it('an unknown serial does not reflect its first event', () => {
    expect(reflects(null, serialAdded(added))).toBe(false);
  });
});
