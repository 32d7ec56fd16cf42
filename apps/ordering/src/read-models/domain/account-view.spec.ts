import {
  type AccountView,
  applyAccountApproved,
  applyShipToChanged,
  currentShipTo,
  isApproved,
} from './account-view';
import type { SerialView } from './serial-view';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const address = (line1: string) => ({
  line1,
  city: 'Rochester',
  postalCode: '14604',
  country: 'US',
});
const approved = {
  accountId: 'acc-1',
  company: 'Acme',
  country: 'US',
  shipTo: address('1 Old Rd'),
  approvedAt: at(1),
};

describe('account read model: the ship-to address', () => {
  it('takes the newest address change and ignores a redelivered or older one', () => {
    const account = applyAccountApproved(null, approved)!;
    const moved = applyShipToChanged(account, {
      accountId: 'acc-1',
      shipTo: address('2 New Ave'),
      changedAt: at(5),
    })!;
    expect(moved.shipTo.line1).toBe('2 New Ave');
    const again = { accountId: 'acc-1', shipTo: address('2 New Ave'), changedAt: at(5) };
    expect(applyShipToChanged(moved, again)).toBeNull();
    const older = { accountId: 'acc-1', shipTo: address('9 Stale St'), changedAt: at(3) };
    expect(applyShipToChanged(moved, older)).toBeNull();
  });

  it('keeps a change that arrived before the approval, and is not orderable until approved', () => {
    const early = applyShipToChanged(null, {
      accountId: 'acc-1',
      shipTo: address('2 New Ave'),
      changedAt: at(5),
    });
    expect(isApproved(early)).toBe(false);
    const account = applyAccountApproved(early, approved)!;
    expect(isApproved(account)).toBe(true);
    expect(account.shipTo.line1).toBe('2 New Ave');
  });

  it('sends later orders to the changed address, over the address a serial was linked with', () => {
    const account = applyShipToChanged(applyAccountApproved(null, approved), {
      accountId: 'acc-1',
      shipTo: address('2 New Ave'),
      changedAt: at(5),
    }) as AccountView;
    const serial = (linkedAt: Date): SerialView => ({
      serial: 'E72345A6N1',
      supplyItems: [],
      shipTo: address('1 Old Rd'),
      linkedAt,
    });
    expect(currentShipTo(account, serial(at(2))).line1).toBe('2 New Ave');
    // Linked after the change: its link carries the account's address of that time.
    expect(currentShipTo(account, { ...serial(at(6)), shipTo: address('3 Later Ln') }).line1).toBe(
      '3 Later Ln',
    );
    expect(currentShipTo({ ...account, shipToAsOf: undefined }, serial(at(2))).line1).toBe(
      '1 Old Rd',
    );
  });
});
