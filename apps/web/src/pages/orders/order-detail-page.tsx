import { useApiResource } from '../../api/use-api-resource';
import { findCountry } from '../../config/countries';
import { Link } from '../../router/router';
import { CancelOrderForm } from './cancel-order-form';
import { channelPhrase, triggerSummary } from './order-channel';
import { HoldExplanation } from './hold-explanation';
import { isCancellable, OrderStatusBadge, statusLabel } from './order-status';
import { OrderView } from './order-types';
import { useCountryFormats } from '../../country/country-formats';

/** One order: what was ordered, where it goes, and each status it went through, with times. */
export function OrderDetailPage({ orderId }: { orderId: string }) {
  const { dateTime: formatDateTime } = useCountryFormats();
  const [order, reload] = useApiResource<OrderView>(`/api/orders/${encodeURIComponent(orderId)}`);

  if (order.state === 'loading') return <p role="status">Loading the order…</p>;
  if (order.state === 'failed')
    return (
      <section className="page" aria-labelledby="order-detail-title">
        <h1 id="order-detail-title">Order not found</h1>
        <p className={order.status === 404 ? '' : 'notice notice--error'} role="alert">
          {order.status === 404
            ? 'There is no such order on your account.'
            : `The order could not be loaded (reference ${order.reference}). Try again in a few minutes.`}
        </p>
        <Link to="/orders">Back to my orders</Link>
      </section>
    );

  const view = order.data;
  return (
    <section className="page" aria-labelledby="order-detail-title">
      <div className="page__title-row">
        <h1 id="order-detail-title">Order {view.orderNumber}</h1>
        <OrderStatusBadge status={view.status} />
      </div>
      {view.status === 'held' && (
        <div className="notice notice--warn">
          <HoldExplanation order={view} />
          <p>The Supplies Helpdesk releases or cancels it; we email you either way.</p>
        </div>
      )}
      <dl className="facts">
        <dt>Serial number</dt>
        <dd>
          <code>{view.serial}</code>
          {view.model?.name ? ` (${view.model.name})` : ''}
        </dd>
        <dt>Placed</dt>
        <dd>{formatDateTime(view.placedAt)}</dd>
        <dt>Shipping</dt>
        <dd>{view.shippingMethod === 'expedited' ? 'Expedited' : 'Standard'}</dd>
        <dt>Ordered through</dt>
        <dd>{channelPhrase(view.channel)}</dd>
        {view.trigger && (
          <>
            <dt>Why</dt>
            <dd data-testid="order-trigger">
              {triggerSummary(view.trigger)} (reading of {formatDateTime(view.trigger.readAt)})
            </dd>
          </>
        )}
        {view.shipment && (
          <>
            <dt>Tracking</dt>
            <dd>
              {view.shipment.carrier} {view.shipment.trackingNumber}
            </dd>
          </>
        )}
        {view.cancellation && (
          <>
            <dt>Cancelled because</dt>
            <dd>{view.cancellation.reason}</dd>
          </>
        )}
        {view.shipTo && (
          <>
            <dt>Ship to</dt>
            <dd>
              {[
                view.shipTo.line1,
                view.shipTo.line2,
                `${view.shipTo.city}${view.shipTo.state ? `, ${view.shipTo.state}` : ''} ${view.shipTo.postalCode}`,
                findCountry(view.shipTo.country)?.name ?? view.shipTo.country,
              ]
                .filter(Boolean)
                .join(', ')}
            </dd>
          </>
        )}
      </dl>
      <h2 id="order-rows-title">Items</h2>
      <table className="table" aria-labelledby="order-rows-title">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Full cartons onsite</th>
            <th scope="col">Bottles onsite</th>
            <th scope="col">Quantity ordered</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.reorderNumber} data-testid={`detail-row-${row.reorderNumber}`}>
              <td>
                {row.description ? `${row.description} ` : ''}
                <code>{row.reorderNumber}</code>
              </td>
              <td>{row.fullCartonsOnsite}</td>
              <td>{row.bottlesOnsite}</td>
              <td>{row.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="timeline-title">Status history</h2>
      <ol className="timeline" aria-labelledby="timeline-title" data-testid="status-timeline">
        {(view.history ?? [{ status: view.status, at: view.placedAt ?? '' }]).map(
          (change, index) => (
            <li key={`${change.status}-${index}`} className="timeline__entry">
              <strong>{statusLabel(change.status)}</strong>{' '}
              <time dateTime={change.at}>{formatDateTime(change.at)}</time>
              {change.note && <span className="timeline__note"> — {change.note}</span>}
            </li>
          ),
        )}
      </ol>
      {isCancellable(view.status) && (
        <CancelOrderForm order={view} onCancelled={() => void reload()} />
      )}
      <p className="page__aside">
        <Link to="/orders">Back to my orders</Link>
      </p>
    </section>
  );
}
