import type {
  OrderCancelledPayload,
  OrderHeldPayload,
  OrderPlacedPayload,
  OrderReleasedPayload,
  OrderShippedPayload,
  ShipToAddressChangedPayload,
} from '@metered/contracts';
import { autoOrderEmail } from '../../templates/auto-order.template';
import type { EmailContent, TemplateName } from '../../templates/email-layout';
import { orderCancelledEmail } from '../../templates/order-cancelled.template';
import { orderHeldEmail } from '../../templates/order-held.template';
import { orderPlacedEmail } from '../../templates/order-placed.template';
import { orderReleasedEmail } from '../../templates/order-released.template';
import { orderShippedEmail } from '../../templates/order-shipped.template';
import { shipToChangedEmail } from '../../templates/ship-to-changed.template';

/**
 * The events about an account every user of it is told about — the order lifecycle, and the
 * helpdesk changing where orders go — and the payload each carries. All name only the
 * account, so they share its recipients and its parking.
 */
export interface OrderEmailPayloads {
  OrderPlaced: OrderPlacedPayload;
  OrderHeld: OrderHeldPayload;
  OrderReleased: OrderReleasedPayload;
  OrderCancelled: OrderCancelledPayload;
  OrderShipped: OrderShippedPayload;
  ShipToAddressChanged: ShipToAddressChangedPayload;
}
export type OrderEmailEventType = keyof OrderEmailPayloads;
export type OrderEmailPayload = OrderEmailPayloads[OrderEmailEventType];

/** An order event as the email needs it; also what a parked event keeps. */
export interface OrderEmailEvent<T extends OrderEmailEventType = OrderEmailEventType> {
  eventId: string;
  correlationId: string;
  type: T;
  payload: OrderEmailPayloads[T];
}

// OrderDelivered sends nothing: the customer has the parcel in hand.
const RENDERERS: {
  [T in OrderEmailEventType]: {
    template: TemplateName;
    render: (payload: OrderEmailPayloads[T], recipientName?: string) => EmailContent;
  };
} = {
  OrderPlaced: {
    template: 'order-placed',
    render: (order, recipientName) => orderPlacedEmail({ order, recipientName }),
  },
  OrderHeld: {
    template: 'order-held',
    render: (order, recipientName) => orderHeldEmail({ order, recipientName }),
  },
  OrderReleased: {
    template: 'order-released',
    render: (order, recipientName) => orderReleasedEmail({ order, recipientName }),
  },
  OrderCancelled: {
    template: 'order-cancelled',
    render: (order, recipientName) => orderCancelledEmail({ order, recipientName }),
  },
  OrderShipped: {
    template: 'order-shipped',
    render: (order, recipientName) => orderShippedEmail({ order, recipientName }),
  },
  ShipToAddressChanged: {
    template: 'ship-to-changed',
    render: (change, recipientName) => shipToChangedEmail({ ...change, recipientName }),
  },
};

export const ORDER_EMAIL_EVENT_TYPES = Object.keys(RENDERERS) as OrderEmailEventType[];

export function isOrderEmailEventType(type: string): type is OrderEmailEventType {
  return (ORDER_EMAIL_EVENT_TYPES as string[]).includes(type);
}

/**
 * The template and the rendered email of an order event for one recipient. An automatic
 * order's OrderPlaced or OrderHeld gets the automatic-order email instead (with the reading
 * that triggered it): one email per event and recipient either way.
 */
export function renderOrderEmail(
  event: Pick<OrderEmailEvent, 'type' | 'payload'>,
  recipientName?: string,
): { template: TemplateName; content: EmailContent } {
  if ('channel' in event.payload && event.payload.channel === 'auto' && isFirstEvent(event)) {
    return {
      template: 'auto-order-placed',
      content: autoOrderEmail({ order: event.payload, recipientName }),
    };
  }
  const renderer = RENDERERS[event.type] as {
    template: TemplateName;
    render: (payload: OrderEmailPayload, recipientName?: string) => EmailContent;
  };
  return { template: renderer.template, content: renderer.render(event.payload, recipientName) };
}

function isFirstEvent(
  event: Pick<OrderEmailEvent, 'type' | 'payload'>,
): event is OrderEmailEvent<'OrderPlaced'> | OrderEmailEvent<'OrderHeld'> {
  return event.type === 'OrderPlaced' || event.type === 'OrderHeld';
}
