import { useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { DecisionOutcome } from '../../forms/decision-outcome';
import { HeldOrder, HeldOrderCard } from './held-order-card';
import { HelpdeskNav } from './helpdesk-nav';

/** Orders the consumption sense check held, newest first: release or cancel each. */
export function HeldOrdersPage() {
  const [queue, reload] = useApiResource<{ items: HeldOrder[] }>(
    '/api/orders?status=held&limit=100',
  );
  const [outcome, setOutcome] = useState<string | null>(null);
  const onDecided = (message: string) => {
    setOutcome(message);
    void reload();
  };
  return (
    <section className="page" aria-labelledby="held-title">
      <HelpdeskNav />
      <div className="page__title-row">
        <h1 id="held-title">Held orders</h1>
        <button type="button" className="button button--secondary" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      <p className="page__lead">
        Orders that would leave more on hand than a device usually needs. Release them to ship, or
        cancel with a reason; the customer is emailed either way.
      </p>
      <DecisionOutcome message={outcome} testId="held-outcome" />
      {queue.state === 'loading' && <p role="status">Loading the held orders…</p>}
      {queue.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          The held orders could not be loaded (reference {queue.reference}).
        </p>
      )}
      {queue.state === 'ready' && !queue.data.items.length && <p>No orders are held.</p>}
      {queue.state === 'ready' &&
        queue.data.items.map((order) => (
          <HeldOrderCard key={order.orderId} order={order} onDecided={onDecided} />
        ))}
    </section>
  );
}
