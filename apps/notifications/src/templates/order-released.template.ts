import type { OrderReleasedPayload } from '@metered/contracts';
import { Block, EmailContent, renderEmail } from './email-layout';
import { greetingFor, OrderDetails, OrderEmailInput, orderBlocks } from './order-details';

export type ReleasedOrder = OrderDetails & Pick<OrderReleasedPayload, 'note'>;

/** OrderReleased: the helpdesk reviewed a held order and let it go to fulfilment. */
export function orderReleasedEmail(input: OrderEmailInput<ReleasedOrder>): EmailContent {
  const { order } = input;
  const note: Block[] = order.note?.trim()
    ? [{ kind: 'paragraph', text: `Note from the Supplies Helpdesk: ${order.note.trim()}` }]
    : [];
  return renderEmail({
    subject: `Order ${order.orderNumber} was released for shipping`,
    greetingName: greetingFor(input),
    country: order.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `The Supplies Helpdesk reviewed order ${order.orderNumber} for device ${order.serial} and released it: it now goes to shipping. We email you again when it ships.`,
      },
      ...note,
      ...orderBlocks(order),
    ],
  });
}
