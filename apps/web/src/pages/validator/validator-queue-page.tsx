import { useEffect, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { DecisionOutcome } from '../../forms/decision-outcome';
import { RegistrationCard } from './registration-card';
import { Registration } from './registration-types';

/** While a request waits for the registry's checks, the queue looks again this often. */
const RECHECK_MS = 3000;

/**
 * The registration validator's queue (GET /api/registrations: awaiting checks and pending
 * review): each request with its serial checks, approved or rejected right here.
 */
export function ValidatorQueuePage() {
  const [queue, reload] = useApiResource<{ items: Registration[] }>('/api/registrations');
  const [outcome, setOutcome] = useState<string | null>(null);
  const waiting =
    queue.state === 'ready' && queue.data.items.some((item) => item.status === 'awaiting-checks');

  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => void reload(), RECHECK_MS);
    return () => window.clearInterval(timer);
  }, [waiting, reload]);

  const onDecided = (message: string) => {
    setOutcome(message);
    void reload();
  };

  return (
    <section className="page" aria-labelledby="queue-title">
      <div className="page__title-row">
        <h1 id="queue-title">Registration requests</h1>
        <button type="button" className="button button--secondary" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      <p className="page__lead">
        Requests waiting for the automatic serial checks or for your review, newest first. Approve
        the eligible serial numbers to create the account, or reject with a reason; the applicant is
        emailed either way.
      </p>
      <DecisionOutcome message={outcome} testId="decision-outcome" />
      {queue.state === 'loading' && <p role="status">Loading the requests…</p>}
      {queue.state === 'failed' && (
        <div className="notice notice--error" role="alert">
          <p>
            {queue.status === 403
              ? 'Only registration validators can see this list.'
              : `The requests could not be loaded (reference ${queue.reference}).`}
          </p>
        </div>
      )}
      {queue.state === 'ready' && queue.data.items.length === 0 && (
        <p>No requests are waiting. New ones appear here as people register.</p>
      )}
      {queue.state === 'ready' &&
        queue.data.items.map((registration) => (
          <RegistrationCard
            // A new key once the checks arrive, so the eligible serials start out selected.
            key={`${registration.registrationId}:${registration.checks?.checkedAt ?? ''}`}
            registration={registration}
            onDecided={onDecided}
          />
        ))}
    </section>
  );
}
