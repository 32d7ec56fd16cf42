import { useApiResource } from '../../api/use-api-resource';
import { Link } from '../../router/router';
import { channelLabel } from '../orders/order-channel';
import { OrderStatusBadge } from '../orders/order-status';
import { OrderPage } from '../orders/order-types';
import { useCountryFormats } from '../../country/country-formats';

/** The account's latest orders, newest first; held ones are decided in the held queue. */
export function AccountOrders({ accountId }: { accountId: string }) {
  const { dateTime: formatDateTime } = useCountryFormats();
  const [orders] = useApiResource<OrderPage>(
    `/api/orders?accountId=${encodeURIComponent(accountId)}&limit=50`,
  );
  return (
    <section aria-labelledby="account-orders-title">
      <h2 id="account-orders-title">Orders</h2>
      {orders.state === 'loading' && <p role="status">Loading the orders…</p>}
      {orders.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          The orders could not be loaded (reference {orders.reference}).
        </p>
      )}
      {orders.state === 'ready' && (
        <table className="table" aria-label="Orders of the account">
          <thead>
            <tr>
              <th scope="col">Order number</th>
              <th scope="col">Serial number</th>
              <th scope="col">Placed</th>
              <th scope="col">Through</th>
              <th scope="col">Shipping</th>
              <th scope="col">Items</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.data.items.map((order) => (
              <tr key={order.orderId} data-testid={`account-order-${order.orderNumber}`}>
                <td>{order.orderNumber}</td>
                <td>
                  <code>{order.serial}</code>
                </td>
                <td>{formatDateTime(order.placedAt)}</td>
                <td>{channelLabel(order.channel)}</td>
                <td>{order.shippingMethod === 'expedited' ? 'Expedited' : 'Standard'}</td>
                <td>{order.rows.length}</td>
                <td>
                  <OrderStatusBadge status={order.status} />
                  {order.status === 'held' && (
                    <>
                      {' '}
                      <Link to="/helpdesk/held">Review</Link>
                    </>
                  )}
                </td>
              </tr>
            ))}
            {!orders.data.items.length && (
              <tr>
                <td colSpan={7}>No orders yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
