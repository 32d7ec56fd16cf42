import { useEffect, useRef } from 'react';
import { Link } from '../../router/router';
import { HoldExplanation } from './hold-explanation';
import { OrderStatusBadge } from './order-status';
import { OrderView } from './order-types';

interface OrderConfirmationProps {
  order: OrderView;
  onOrderMore: () => void;
}

/**
 * What the customer sees once the ordering service accepted the order: placed or held. It
 * replaces the form, and the "Place order" button with the focus, so focus moves to its title.
 */
export function OrderConfirmation({ order, onOrderMore }: OrderConfirmationProps) {
  const held = order.status === 'held';
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [order.orderId]);
  return (
    <div
      className={`notice ${held ? 'notice--warn' : 'notice--ok'}`}
      role="status"
      data-testid="order-confirmation"
    >
      <h2 ref={title} tabIndex={-1} className="order-confirmation__title">
        {held ? 'Your order is held for review' : 'Thank you — your order is placed'}
      </h2>
      <p>
        Order number <strong data-testid="order-number">{order.orderNumber}</strong> for serial{' '}
        <code>{order.serial}</code>: <OrderStatusBadge status={order.status} />
      </p>
      {held ? (
        <>
          <HoldExplanation order={order} />
          <p>
            The Supplies Helpdesk reviews it shortly and releases or cancels it; we email you either
            way.
          </p>
        </>
      ) : (
        <p>We have emailed a confirmation. Quote the order number if you call the helpdesk.</p>
      )}
      <p className="order-confirmation__actions">
        <Link to={`/orders/${encodeURIComponent(order.orderId)}`}>View this order</Link>
        <Link to="/orders">My orders</Link>
        <button type="button" className="link-button" onClick={onOrderMore}>
          Order more supplies
        </button>
      </p>
    </div>
  );
}
