import type { OrderHeldPayload } from '@metered/contracts';
import { EmailContent, helpdeskLine, renderEmail } from './email-layout';
import { greetingFor, OrderDetails, OrderEmailInput, orderBlocks } from './order-details';

export type HeldOrder = OrderDetails & Pick<OrderHeldPayload, 'holdReason' | 'heldRows'>;

/**
 * OrderHeld: the consumption sense check found more stock than expected. Metered supplies are
 * paid per page, so the order waits for a person rather than being refused: the customer
 * learns why, that the Supplies Helpdesk reviews it, and whom to call when it is urgent.
 */
export function orderHeldEmail(input: OrderEmailInput<HeldOrder>): EmailContent {
  const { order } = input;
  return renderEmail({
    subject: `Order ${order.orderNumber} is held for review`,
    greetingName: greetingFor(input),
    country: order.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `We received order ${order.orderNumber} for device ${order.serial}, but it is held for review before we ship it.`,
      },
      { kind: 'paragraph', text: `Why: ${order.holdReason}` },
      {
        kind: 'list',
        items: order.heldRows.map((row) => {
          const already = row.alreadyOrderedBottles
            ? `${row.alreadyOrderedBottles} already ordered (on the way or delivered lately) + `
            : '';
          return `${row.reorderNumber}: ${row.onsiteBottles} onsite + ${already}${row.orderedBottles} ordered, more than the ${row.allowanceBottles} expected for this device`;
        }),
      },
      {
        kind: 'paragraph',
        text:
          'The Supplies Helpdesk reviews it shortly and either releases it for shipping or cancels it; ' +
          'we email you either way. Nothing needs to be done on your side.',
      },
      {
        kind: 'paragraph',
        text: `If the order is urgent or you can explain the stock, call the Supplies Helpdesk at ${helpdeskLine(order.country)} and quote ${order.orderNumber}.`,
      },
      ...orderBlocks(order),
    ],
  });
}
