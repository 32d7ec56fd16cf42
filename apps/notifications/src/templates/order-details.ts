import type { OrderSnapshot } from '@metered/contracts';
// The reference module alone: templates stay free of the event classes' decorators.
import { findCountry } from '@metered/contracts/reference';
import { Block, formatUtc } from './email-layout';

/** What every order email shows about the order: the fields of the order events' snapshot. */
export type OrderDetails = Pick<
  OrderSnapshot,
  | 'orderNumber'
  | 'company'
  | 'country'
  | 'serial'
  | 'model'
  | 'shipTo'
  | 'rows'
  | 'channel'
  | 'shippingMethod'
  | 'placedAt'
>;

/** Who the email greets; the order's company when the user's name is not known. */
export interface OrderEmailInput<O extends OrderDetails = OrderDetails> {
  recipientName?: string;
  order: O;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "Toner black (reorder no. 006R01512): 4 to send — onsite 1 full carton and 2 bottles". */
export function orderRowLine(row: OrderDetails['rows'][number]): string {
  const onsite = `${plural(row.fullCartonsOnsite, 'full carton')} and ${plural(row.bottlesOnsite, 'bottle')}`;
  return `${row.description} (reorder no. ${row.reorderNumber}): ${row.quantity} to send — onsite ${onsite}`;
}

/** One line, so it reads the same in text and HTML: "1 Main St, Suite 2, Springfield, NY 12345, United States". */
export function shipToLine(shipTo: OrderDetails['shipTo']): string {
  const cityLine = [shipTo.city, [shipTo.state, shipTo.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const country = findCountry(shipTo.country)?.name ?? shipTo.country;
  return [shipTo.line1, shipTo.line2, cityLine, country].filter(Boolean).join(', ');
}

const CHANNEL_LABELS: Record<OrderDetails['channel'], string> = {
  web: 'online, on the Metered Supplies portal',
  helpdesk: 'by phone, through the Supplies Helpdesk',
  auto: 'automatically, from your device’s telemetry (automatic replenishment)',
};

const SHIPPING_LABELS: Record<OrderDetails['shippingMethod'], string> = {
  standard: 'standard',
  expedited: 'expedited',
};

/** The order's facts (number, device, channel, shipping), its rows and where it goes. */
export function orderBlocks(order: OrderDetails): Block[] {
  return [
    {
      kind: 'list',
      items: [
        `Order number: ${order.orderNumber}`,
        `Device: ${order.serial} (${order.model.name}, model ${order.model.code})`,
        `Placed: ${formatUtc(order.placedAt)}, ${CHANNEL_LABELS[order.channel]}`,
        `Shipping: ${SHIPPING_LABELS[order.shippingMethod]}`,
      ],
    },
    { kind: 'paragraph', text: `Items (${order.rows.length}):` },
    { kind: 'list', items: order.rows.map(orderRowLine) },
    { kind: 'paragraph', text: `Ship to: ${order.company}, ${shipToLine(order.shipTo)}` },
  ];
}

/** The greeting name of an order email. */
export function greetingFor(input: OrderEmailInput): string {
  return input.recipientName?.trim() || `${input.order.company} team`;
}
