import { OrderView } from './order-types';

/**
 * Why an order waits for review, in plain words per held row; the service's own sentence
 * when it gives no detail.
 */
export function HoldExplanation({ order }: { order: OrderView }) {
  const held = order.heldRows ?? [];
  if (!held.length)
    return <p data-testid="hold-reason">{order.holdReason ?? 'The quantities need a check.'}</p>;
  const describe = (reorderNumber: string) => {
    const row = order.rows.find((candidate) => candidate.reorderNumber === reorderNumber);
    return row?.description ? `${row.description} (${reorderNumber})` : reorderNumber;
  };
  return (
    <div data-testid="hold-reason">
      <p>
        Metered supplies are paid per page, so we check orders that would leave more on hand than a
        device usually needs:
      </p>
      <ul>
        {held.map((row) => (
          <li key={row.reorderNumber}>
            {describe(row.reorderNumber)}: {bottles(row.onsiteBottles)} onsite plus{' '}
            {row.alreadyOrderedBottles
              ? `${bottles(row.alreadyOrderedBottles)} already on the way or delivered lately plus `
              : ''}
            {bottles(row.orderedBottles)} ordered is more than the {bottles(row.allowanceBottles)}{' '}
            we expect on hand.
          </li>
        ))}
      </ul>
    </div>
  );
}

function bottles(count: number): string {
  return `${count} bottle${count === 1 ? '' : 's'}`;
}
