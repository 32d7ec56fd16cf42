import {
  isOpen,
  refusalReason,
  SLOT_IN_PROGRESS_MS,
  slotStanding,
  type AutoOrderSlot,
} from './replenishment-decision';

const now = new Date('2026-03-01T12:00:00.000Z');
const slot: AutoOrderSlot = {
  serial: 'E72345A6N1',
  reorderNumber: '106R03500',
  generation: 1,
  requestId: 'req-1',
  accountId: 'acc-1',
  claimedAt: new Date(now.getTime() - 1000),
};
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('automatic replenishment: one open automatic order per supply', () => {
  it('counts placed, held, released and shipped orders as open; cancelled and delivered as done', () => {
    expect(['placed', 'held', 'released', 'shipped'].every((s) => isOpen(s as never))).toBe(true);
    expect(isOpen('cancelled')).toBe(false);
    expect(isOpen('delivered')).toBe(false);
  });

  it('keeps the supply taken while the earlier automatic order is open, naming it', () => {
    const standing = slotStanding(
      { ...slot, orderId: 'o-1' },
      { kind: 'order', orderNumber: 'MS-260301-AAAAAA', status: 'held' },
      now,
    );
    expect(standing).toEqual({
      free: false,
      orderNumber: 'MS-260301-AAAAAA',
      reason:
        'automatic order MS-260301-AAAAAA for serial E72345A6N1, item 106R03500 is still open (held)',
    });
  });

  it('frees the supply once the earlier order is cancelled or delivered', () => {
    for (const status of ['cancelled', 'delivered'] as const) {
      expect(slotStanding(slot, { kind: 'order', orderNumber: 'MS-1', status }, now)).toEqual({
        free: true,
      });
    }
  });

  it('frees the supply when the earlier request was refused (its slot voided)', () => {
    expect(slotStanding({ ...slot, voided: true }, { kind: 'none' }, now)).toEqual({ free: true });
  });

  it('keeps the supply taken while another request is being placed, and frees it once that is abandoned', () => {
    expect(slotStanding(slot, { kind: 'none' }, now)).toMatchObject({ free: false });
    expect(slotStanding(slot, { kind: 'claimed', claimedAt: ago(1000) }, now)).toMatchObject({
      free: false,
      reason: expect.stringContaining('still being placed'),
    });
    const old = { ...slot, claimedAt: ago(SLOT_IN_PROGRESS_MS + 1) };
    expect(slotStanding(old, { kind: 'none' }, now)).toEqual({ free: true });
    expect(
      slotStanding(old, { kind: 'claimed', claimedAt: ago(SLOT_IN_PROGRESS_MS + 1) }, now),
    ).toEqual({ free: true });
  });

  it('words a refusal as the placement rules did, field by field', () => {
    expect(
      refusalReason([
        { field: 'rows.0.reorderNumber', reason: 'X-1 is not an item of serial E72345A6N1' },
      ]),
    ).toBe('rows.0.reorderNumber: X-1 is not an item of serial E72345A6N1');
  });
});
