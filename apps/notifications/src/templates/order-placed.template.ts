import { EmailContent, renderEmail } from './email-layout';
import { greetingFor, OrderEmailInput, orderBlocks } from './order-details';

/** OrderPlaced: the order passed every check and goes to fulfilment. */
export function orderPlacedEmail(input: OrderEmailInput): EmailContent {
  const { order } = input;
  return renderEmail({
    subject: `Order ${order.orderNumber} confirmed`,
    greetingName: greetingFor(input),
    country: order.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `Thank you: we received order ${order.orderNumber} for device ${order.serial} and pass it on for shipping. We email you again when it ships.`,
      },
      ...orderBlocks(order),
    ],
  });
}
