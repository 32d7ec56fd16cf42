import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { channelLabel } from './order-channel';
import { OrderStatusBadge, statusLabel } from './order-status';
import { CatalogSerial, ORDER_STATUSES, OrderPage, OrderView } from './order-types';
import { useCountryFormats } from '../../country/country-formats';

const PAGE_SIZE = 20;

type OrderList =
  | { state: 'loading' }
  | { state: 'ready'; items: OrderView[]; nextCursor?: string | null; loadingMore: boolean }
  | { state: 'failed'; reference: string };

/** The customer's orders, newest first, filtered by serial and status, a page at a time. */
export function MyOrdersPage() {
  const { callWithSession } = useSession();
  const [catalog] = useApiResource<{ items: CatalogSerial[] }>('/api/orders/catalog/serials');
  const [serial, setSerial] = useState('');
  const [status, setStatus] = useState('');
  const [list, setList] = useState<OrderList>({ state: 'loading' });
  // Only the newest request may fill the list: filters can change while a page is loading.
  const generation = useRef(0);

  const load = useCallback(
    async (cursor?: string) => {
      const mine = cursor ? generation.current : ++generation.current;
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (serial) query.set('serial', serial);
      if (status) query.set('status', status);
      if (cursor) query.set('cursor', cursor);
      if (cursor) setList((now) => (now.state === 'ready' ? { ...now, loadingMore: true } : now));
      else setList({ state: 'loading' });
      const result = await callWithSession<OrderPage>(`/api/orders?${query.toString()}`);
      if (mine !== generation.current) return;
      if (result.kind !== 'ok') {
        setList({ state: 'failed', reference: result.correlationId });
        return;
      }
      setList((now) => ({
        state: 'ready',
        items: [...(cursor && now.state === 'ready' ? now.items : []), ...result.body.items],
        nextCursor: result.body.nextCursor,
        loadingMore: false,
      }));
    },
    [callWithSession, serial, status],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const serials = catalog.state === 'ready' ? catalog.data.items.map((item) => item.serial) : [];
  return (
    <section className="page" aria-labelledby="orders-title">
      <div className="page__title-row">
        <h1 id="orders-title">My orders</h1>
        <Link to="/order">Order Supplies</Link>
      </div>
      <form className="filters" aria-label="Filter orders" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="orders-serial">
            Serial number
          </label>
          <select
            id="orders-serial"
            className="field__input"
            value={serial}
            onChange={(event) => setSerial(event.target.value)}
          >
            <option value="">All serial numbers</option>
            {serials.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="orders-status">
            Status
          </label>
          <select
            id="orders-status"
            className="field__input"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">Any status</option>
            {ORDER_STATUSES.map((value) => (
              <option key={value} value={value}>
                {statusLabel(value)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list.state === 'loading' && <p role="status">Loading your orders…</p>}
      {list.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          Your orders could not be loaded (reference {list.reference}). Try again in a few minutes.
        </p>
      )}
      {list.state === 'ready' && (
        <>
          <OrderTable orders={list.items} filtered={Boolean(serial || status)} />
          {list.nextCursor && (
            <button
              type="button"
              className="button button--secondary"
              disabled={list.loadingMore}
              onClick={() => void load(list.nextCursor ?? undefined)}
            >
              {list.loadingMore ? 'Loading…' : 'Show more orders'}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function OrderTable({ orders, filtered }: { orders: OrderView[]; filtered: boolean }) {
  const { date: formatDate } = useCountryFormats();
  if (!orders.length)
    return (
      <p>
        {filtered ? 'No orders match these filters.' : 'You have not placed any orders yet.'}{' '}
        <Link to="/order">Order supplies</Link>
      </p>
    );
  return (
    <table className="table" aria-label="Your orders">
      <thead>
        <tr>
          <th scope="col">Order number</th>
          <th scope="col">Serial number</th>
          <th scope="col">Date</th>
          <th scope="col">Items</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.orderId} data-testid={`order-${order.orderNumber}`}>
            <td>
              <Link to={`/orders/${encodeURIComponent(order.orderId)}`}>{order.orderNumber}</Link>
              {order.channel === 'auto' && (
                <span className="order-channel-note">{channelLabel(order.channel)}</span>
              )}
            </td>
            <td>
              <code>{order.serial}</code>
            </td>
            <td>{formatDate(order.placedAt)}</td>
            <td>{order.rows.length}</td>
            <td>
              <OrderStatusBadge status={order.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
