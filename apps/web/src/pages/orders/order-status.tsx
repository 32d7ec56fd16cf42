import { OrderStatus } from './order-types';

const LABELS: Record<OrderStatus, string> = {
  placed: 'Placed',
  held: 'Held for review',
  released: 'Released',
  cancelled: 'Cancelled',
  shipped: 'Shipped',
  delivered: 'Delivered',
};

const TONES: Partial<Record<OrderStatus, string>> = {
  placed: 'ok',
  released: 'ok',
  shipped: 'ok',
  delivered: 'ok',
  held: 'warn',
  cancelled: 'muted',
};

export function statusLabel(status: string): string {
  return LABELS[status as OrderStatus] ?? status;
}

export function OrderStatusBadge({ status }: { status: string }) {
  const tone = TONES[status as OrderStatus];
  return (
    <span className={`badge${tone ? ` badge--${tone}` : ''}`} data-testid="order-status">
      {statusLabel(status)}
    </span>
  );
}

/** The customer may cancel until the order ships (the ordering service has the last word). */
export function isCancellable(status: string): boolean {
  return status === 'placed' || status === 'held';
}
