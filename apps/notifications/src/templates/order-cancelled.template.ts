import type { OrderCancelledPayload } from '@metered/contracts';
import { EmailContent, renderEmail } from './email-layout';
import { greetingFor, OrderDetails, OrderEmailInput, orderBlocks } from './order-details';

export type CancelledOrder = OrderDetails &
  Pick<OrderCancelledPayload, 'cancelledByRole' | 'reason' | 'cancelledAt'>;

const CANCELLED_BY: Record<CancelledOrder['cancelledByRole'], string> = {
  customer: 'by a user of your account',
  helpdesk: 'by the Supplies Helpdesk',
};

/** OrderCancelled: nothing of the order will ship; the reason is shown as written. */
export function orderCancelledEmail(input: OrderEmailInput<CancelledOrder>): EmailContent {
  const { order } = input;
  return renderEmail({
    subject: `Order ${order.orderNumber} was cancelled`,
    greetingName: greetingFor(input),
    country: order.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `Order ${order.orderNumber} for device ${order.serial} was cancelled ${CANCELLED_BY[order.cancelledByRole]}. Nothing of it will be shipped.`,
      },
      { kind: 'paragraph', text: `Reason: ${order.reason}` },
      {
        kind: 'paragraph',
        text: 'If you still need these supplies, place a new order on the portal or call the Supplies Helpdesk.',
      },
      ...orderBlocks(order),
    ],
  });
}
