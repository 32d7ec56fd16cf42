import { FormEvent, useState } from 'react';
import { findCountry } from '../../config/countries';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { SerialChecks } from '../validator/serial-checks';
import { actionProblem } from './action-problem';
import { ACCOUNT_PATH, AccountRequestView } from './helpdesk-types';
import { useCountryFormats } from '../../country/country-formats';
import { NoteForm } from '../../forms/note-form';

interface RequestCardProps {
  request: AccountRequestView;
  onDecided: (message: string) => void;
}

/** One customer request: more machines (choose the eligible serials) or an unlisted item. */
export function RequestCard({ request, onDecided }: RequestCardProps) {
  const { dateTime: formatDateTime } = useCountryFormats();
  const { callWithSession } = useSession();
  const { requestId, kind } = request;
  const eligible = (request.checks ?? []).filter((check) => check.outcome === 'eligible');
  const [chosen, setChosen] = useState<string[]>(() => eligible.map((check) => check.serial));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `request-${requestId}-title`;
  const reasonId = `request-${requestId}-reason`;
  const machines = kind === 'machines';

  const decide = async (action: 'approve' | 'decline', body: object, done: string) => {
    setProblem(null);
    setBusy(true);
    const result = await callWithSession(
      `/api/account-requests/${encodeURIComponent(requestId)}/${action}`,
      { method: 'POST', body },
    );
    setBusy(false);
    if (result.kind === 'ok') onDecided(done);
    else setProblem(actionProblem(result, action === 'approve' ? 'Approving' : 'Declining'));
  };

  const approve = () =>
    machines
      ? void decide(
          'approve',
          { serials: chosen },
          `Approved for ${request.company}: ${chosen.join(', ')} linked; ${request.requestedBy.email} is emailed.`,
        )
      : void decide(
          'approve',
          {},
          `Added ${request.reorderNumber} to ${request.serial} for ${request.company}; ${request.requestedBy.email} is emailed.`,
        );

  const decline = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) return setReasonError('Enter the reason: it is emailed to the customer.');
    setReasonError(null);
    void decide(
      'decline',
      { reason: reason.trim() },
      `Declined the request of ${request.company}: the reason is emailed to ${request.requestedBy.email}.`,
    );
  };

  const toggle = (serial: string, on: boolean) =>
    setChosen((now) => (on ? [...now, serial] : now.filter((s) => s !== serial)));

  return (
    <article
      className="registration"
      aria-labelledby={titleId}
      data-testid={`request-${requestId}`}
    >
      <header className="registration__header">
        <h2 id={titleId}>
          {machines ? 'More machines' : 'Unlisted item'}: {request.company}
        </h2>
        <span className="badge">{request.status}</span>
      </header>
      <dl className="registration__facts">
        <dt>Account</dt>
        <dd>
          <Link to={ACCOUNT_PATH(request.accountId)}>{request.company}</Link> (
          {findCountry(request.country)?.name ?? request.country})
        </dd>
        <dt>Asked by</dt>
        <dd>
          {request.requestedBy.email}, {formatDateTime(request.requestedAt)}
        </dd>
        {machines ? (
          <>
            <dt>Proof serial</dt>
            <dd>
              <code>{request.proofSerial}</code>
            </dd>
          </>
        ) : (
          <>
            <dt>Item</dt>
            <dd>
              <code>{request.reorderNumber}</code> for serial <code>{request.serial}</code>
            </dd>
            {request.note && (
              <>
                <dt>Note</dt>
                <dd>{request.note}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {machines && (
        <SerialChecks
          checks={request.checks ?? []}
          chosen={chosen}
          disabled={busy}
          onToggle={toggle}
          registrationId={requestId}
        />
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <div className="registration__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || (machines && chosen.length === 0)}
          onClick={approve}
        >
          {machines
            ? `Approve ${chosen.length} serial number${chosen.length === 1 ? '' : 's'}`
            : `Add ${request.reorderNumber} to ${request.serial}`}
        </button>
        <NoteForm
          id={reasonId}
          label="Reason for declining"
          value={reason}
          onChange={setReason}
          onSubmit={decline}
          submitLabel="Decline"
          tone="danger"
          busy={busy}
          error={reasonError}
          maxLength={1000}
        />
      </div>
    </article>
  );
}
