import type { OrderShippedPayload } from '@metered/contracts';
import { EmailContent, formatUtc, renderEmail } from './email-layout';
import { greetingFor, OrderDetails, OrderEmailInput, orderBlocks } from './order-details';

export type ShippedOrder = OrderDetails &
  Pick<OrderShippedPayload, 'carrier' | 'trackingNumber' | 'shippedAt'>;

/** OrderShipped: the order left the warehouse; the carrier and tracking number follow it. */
export function orderShippedEmail(input: OrderEmailInput<ShippedOrder>): EmailContent {
  const { order } = input;
  return renderEmail({
    subject: `Order ${order.orderNumber} has shipped`,
    greetingName: greetingFor(input),
    country: order.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `Order ${order.orderNumber} for device ${order.serial} left our warehouse on ${formatUtc(order.shippedAt)}.`,
      },
      {
        kind: 'list',
        items: [`Carrier: ${order.carrier}`, `Tracking number: ${order.trackingNumber}`],
      },
      ...orderBlocks(order),
    ],
  });
}
