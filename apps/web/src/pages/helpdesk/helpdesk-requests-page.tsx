import { useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { DecisionOutcome } from '../../forms/decision-outcome';
import { HelpdeskNav } from './helpdesk-nav';
import { AccountRequestView } from './helpdesk-types';
import { RequestCard } from './request-card';

/** Customers' open requests (more machines, unlisted items), newest first. */
export function HelpdeskRequestsPage() {
  const [queue, reload] = useApiResource<{ items: AccountRequestView[] }>(
    '/api/account-requests?status=open',
  );
  const [outcome, setOutcome] = useState<string | null>(null);
  const onDecided = (message: string) => {
    setOutcome(message);
    void reload();
  };
  return (
    <section className="page" aria-labelledby="requests-title">
      <HelpdeskNav />
      <div className="page__title-row">
        <h1 id="requests-title">Customer requests</h1>
        <button type="button" className="button button--secondary" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      <p className="page__lead">
        Requests to add machines (each serial checked like a registration) or an item that is not in
        a serial’s list. The customer is emailed either way.
      </p>
      <DecisionOutcome message={outcome} testId="decision-outcome" />
      {queue.state === 'loading' && <p role="status">Loading the requests…</p>}
      {queue.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          The requests could not be loaded (reference {queue.reference}).
        </p>
      )}
      {queue.state === 'ready' && !queue.data.items.length && <p>No open requests.</p>}
      {queue.state === 'ready' &&
        queue.data.items.map((request) => (
          <RequestCard key={request.requestId} request={request} onDecided={onDecided} />
        ))}
    </section>
  );
}
