import { applyItemAdded, applyItemRemoved } from './serial-items';
import { applySerialLinked, type SerialView } from './serial-view';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const item = (reorderNumber: string) => ({
  reorderNumber,
  description: reorderNumber,
  kind: 'toner',
  bottlesPerCarton: 4,
});

const link = {
  serial: 'E72345A6N1',
  accountId: 'acc-1',
  country: 'US',
  model: { code: 'VL', name: 'VersaLink', family: 'office' as const },
  shipTo: { line1: '1 Main St', city: 'Rochester', postalCode: '14604', country: 'US' },
  supplyItems: [item('TK-1')],
  addedAt: at(1),
};
const linked = (): SerialView => applySerialLinked(null, link)!;
const numbers = (view: SerialView | null) => view?.supplyItems.map((i) => i.reorderNumber);

describe('a serial`s orderable items', () => {
  it('adds an item the helpdesk tied to the serial and removes one it took away', () => {
    const added = applyItemAdded(linked(), {
      serial: link.serial,
      item: item('TK-9'),
      addedAt: at(2),
    });
    expect(numbers(added)).toEqual(['TK-1', 'TK-9']);
    const removed = applyItemRemoved(added, {
      serial: link.serial,
      reorderNumber: 'TK-1',
      removedAt: at(3),
    });
    expect(numbers(removed)).toEqual(['TK-9']);
  });

  it('changes nothing on a redelivered or older change of the same item', () => {
    const added = applyItemAdded(linked(), {
      serial: link.serial,
      item: item('TK-9'),
      addedAt: at(5),
    })!;
    expect(
      applyItemAdded(added, { serial: link.serial, item: item('TK-9'), addedAt: at(5) }),
    ).toBeNull();
    // A removal that happened before the addition arrives late: the addition stands.
    expect(
      applyItemRemoved(added, { serial: link.serial, reorderNumber: 'TK-9', removedAt: at(4) }),
    ).toBeNull();
  });

  it('ignores a change older than the serial`s link (the link`s list already has it)', () => {
    const view = applySerialLinked(null, { ...link, addedAt: at(10) })!;
    expect(
      applyItemAdded(view, { serial: link.serial, item: item('TK-9'), addedAt: at(9) }),
    ).toBeNull();
  });

  it('keeps item changes made after the time of a link that arrives later', () => {
    const changed = applyItemRemoved(linked(), {
      serial: link.serial,
      reorderNumber: 'TK-1',
      removedAt: at(3),
    })!;
    // A newer link whose list is as of day 2: the removal on day 3 still counts.
    expect(numbers(applySerialLinked(changed, { ...link, addedAt: at(2) }))).toEqual([]);
    // A link as of day 4 carries the registry's list after the removal: it wins.
    const later = applySerialLinked(changed, {
      ...link,
      supplyItems: [item('TK-5')],
      addedAt: at(4),
    });
    expect(numbers(later)).toEqual(['TK-5']);
  });
});
