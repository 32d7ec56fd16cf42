import { useEffect } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { useCountryFormats } from '../../country/country-formats';
import { SerialCheckList } from './serial-check-list';
import { AccountRequest, RequestKind, STATUS_TEXT } from './request-types';

/**
 * The customer's requests of one kind, newest first (GET /api/account-requests?kind=), with
 * their status and the helpdesk's decision. `version` changes after a new request is sent.
 */
export function RequestList({ kind, version }: { kind: RequestKind; version: number }) {
  const [requests, reload] = useApiResource<{ items: AccountRequest[] }>(
    `/api/account-requests?kind=${kind}`,
  );
  const formats = useCountryFormats();
  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);

  return (
    <section className="requests" aria-labelledby={`requests-${kind}-title`}>
      <h2 id={`requests-${kind}-title`}>Your requests</h2>
      {requests.state === 'loading' && <p role="status">Loading your requests…</p>}
      {requests.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          Your requests could not be loaded (reference {requests.reference}).
        </p>
      )}
      {requests.state === 'ready' && requests.data.items.length === 0 && (
        <p>You have not sent a request yet.</p>
      )}
      {requests.state === 'ready' && requests.data.items.length > 0 && (
        <ol className="request-list">
          {requests.data.items.map((request) => (
            <li
              key={request.requestId}
              className="request-list__item"
              data-testid={`request-${request.requestId}`}
            >
              <p className="request-list__head">
                <span className={`badge badge--request-${request.status}`}>
                  {STATUS_TEXT[request.status] ?? request.status}
                </span>{' '}
                sent{' '}
                <time dateTime={request.requestedAt}>{formats.dateTime(request.requestedAt)}</time>
              </p>
              <RequestSubject request={request} />
              {request.decision && (
                <p className="request-list__decision">
                  {request.decision.decision === 'approved'
                    ? approvedText(request)
                    : `Declined: ${request.decision.reason ?? 'no reason given'}.`}{' '}
                  (
                  <time dateTime={request.decision.decidedAt}>
                    {formats.dateTime(request.decision.decidedAt)}
                  </time>
                  )
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RequestSubject({ request }: { request: AccountRequest }) {
  if (request.kind === 'machines')
    return (
      <>
        <p>
          Machines to add, proven with <code>{request.proofSerial}</code>:
        </p>
        <SerialCheckList checks={request.checks} />
      </>
    );
  return (
    <p>
      Item <code>{request.reorderNumber}</code> for <code>{request.serial}</code>
      {request.note ? ` — “${request.note}”` : ''}
    </p>
  );
}

function approvedText(request: AccountRequest): string {
  if (request.kind === 'supply-items') return 'Added: you can now choose it in Order Supplies.';
  const serials = request.decision?.approvedSerials ?? [];
  return serials.length
    ? `Approved: ${serials.join(', ')} ${serials.length === 1 ? 'is' : 'are'} now on your account.`
    : 'Approved.';
}
