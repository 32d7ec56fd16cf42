import {
  addSupplyItem,
  listedSupplyItems,
  NO_ADJUSTMENTS,
  removeSupplyItem,
} from './device-supply-items';

describe("a serial's supply items", () => {
  const model = ['TN-1K', 'WT-1'];

  it("offers the model's items when the helpdesk changed nothing", () => {
    expect(listedSupplyItems(model, NO_ADJUSTMENTS)).toEqual(['TN-1K', 'WT-1']);
  });

  it("offers an added item after the model's items", () => {
    const added = addSupplyItem(model, NO_ADJUSTMENTS, 'DK-9');
    expect(added).toEqual({
      changed: true,
      adjustments: { extraSupplyItems: ['DK-9'], removedSupplyItems: [] },
    });
    if (added.changed) expect(listedSupplyItems(model, added.adjustments)).toContain('DK-9');
  });

  it('refuses to add an item that is already offered', () => {
    expect(addSupplyItem(model, NO_ADJUSTMENTS, 'TN-1K')).toEqual({
      changed: false,
      reason: 'already-listed',
    });
  });

  it('hides a model item that the helpdesk removed, and offers it again when re-added', () => {
    const removed = removeSupplyItem(model, NO_ADJUSTMENTS, 'WT-1');
    if (!removed.changed) throw new Error('expected a change');
    expect(listedSupplyItems(model, removed.adjustments)).toEqual(['TN-1K']);
    const readded = addSupplyItem(model, removed.adjustments, 'WT-1');
    if (!readded.changed) throw new Error('expected a change');
    expect(readded.adjustments).toEqual(NO_ADJUSTMENTS);
  });

  it('forgets a removed extra item entirely', () => {
    const adjustments = { extraSupplyItems: ['DK-9'], removedSupplyItems: [] };
    expect(removeSupplyItem(model, adjustments, 'DK-9')).toEqual({
      changed: true,
      adjustments: NO_ADJUSTMENTS,
    });
  });

  it('refuses to remove an item the serial does not offer', () => {
    expect(removeSupplyItem(model, NO_ADJUSTMENTS, 'XX-1')).toEqual({
      changed: false,
      reason: 'not-listed',
    });
  });
});
