import { FormEvent, useState } from 'react';
import { ApiResult } from '../../api/api-client';
import { findCountry } from '../../config/countries';
import { sentence } from '../../forms/field-errors';
import { useSession } from '../../session/session-context';
import { Registration, STATUS_LABELS } from './registration-types';
import { SerialChecks } from './serial-checks';
import { useCountryFormats } from '../../country/country-formats';
import { NoteForm } from '../../forms/note-form';

interface RegistrationCardProps {
  registration: Registration;
  /** Called with what to tell the validator once the decision is stored. */
  onDecided: (message: string) => void;
}

/** One request in the validator's queue: who asks, the serial checks, approve or reject. */
export function RegistrationCard({ registration, onDecided }: RegistrationCardProps) {
  const { dateTime: formatDateTime } = useCountryFormats();
  const { callWithSession } = useSession();
  const { registrationId, checks, status } = registration;
  const eligible = (checks?.results ?? []).filter((check) => check.outcome === 'eligible');
  const [chosen, setChosen] = useState<string[]>(() => eligible.map((check) => check.serial));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `registration-${registrationId}-title`;
  const reasonId = `registration-${registrationId}-reason`;
  const reviewable = status === 'pending-review';

  const decide = async (action: 'approve' | 'reject', body: object, done: string) => {
    setProblem(null);
    setBusy(true);
    const result = await callWithSession<Registration>(
      `/api/registrations/${encodeURIComponent(registrationId)}/${action}`,
      { method: 'POST', body },
    );
    setBusy(false);
    if (result.kind === 'ok') onDecided(done);
    else setProblem(describeFailure(result));
  };

  const approve = () =>
    void decide(
      'approve',
      { serials: chosen },
      `Approved ${registration.company}: ${chosen.length} serial number${chosen.length === 1 ? '' : 's'}; the login details are emailed to ${registration.email}.`,
    );

  const reject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) return setReasonError('Enter the reason: it is emailed to the applicant.');
    setReasonError(null);
    void decide(
      'reject',
      { reason: reason.trim() },
      `Rejected ${registration.company}: the reason is emailed to ${registration.email}.`,
    );
  };

  const toggle = (serial: string, on: boolean) =>
    setChosen((current) => (on ? [...current, serial] : current.filter((s) => s !== serial)));

  return (
    <article className="registration" aria-labelledby={titleId}>
      <header className="registration__header">
        <h2 id={titleId}>{registration.company}</h2>
        <span className={`badge badge--${status}`}>{STATUS_LABELS[status]}</span>
      </header>
      <dl className="registration__facts">
        <dt>Contact</dt>
        <dd>
          {registration.contactName} · {registration.email} · {registration.phone}
        </dd>
        <dt>Country</dt>
        <dd>{findCountry(registration.country)?.name ?? registration.country}</dd>
        <dt>Ship-to</dt>
        <dd>
          {[
            registration.shipTo.line1,
            registration.shipTo.line2,
            registration.shipTo.city,
            registration.shipTo.state,
            registration.shipTo.postalCode,
          ]
            .filter(Boolean)
            .join(', ')}
        </dd>
        <dt>Requested</dt>
        <dd>{formatDateTime(registration.requestedAt)}</dd>
      </dl>
      {checks ? (
        <SerialChecks
          checks={checks.results}
          chosen={chosen}
          disabled={!reviewable || busy}
          onToggle={toggle}
          registrationId={registrationId}
        />
      ) : (
        <p role="status">
          Checking the serial numbers {registration.serials.join(', ')}… This page refreshes by
          itself.
        </p>
      )}
      {problem && (
        <div className="notice notice--error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {reviewable && (
        <div className="registration__actions">
          {eligible.length > 0 ? (
            // Never a disabled "Approve 0 …": with nothing ticked the button says what to do.
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() =>
                chosen.length
                  ? approve()
                  : setProblem('Tick at least one eligible serial number to approve.')
              }
            >
              {chosen.length
                ? `Approve ${chosen.length} serial number${chosen.length === 1 ? '' : 's'}`
                : 'Approve the ticked serial numbers'}
            </button>
          ) : (
            <p className="registration__none" data-testid={`nothing-to-approve-${registrationId}`}>
              None of these serial numbers can be approved: reject the request with the reason.
            </p>
          )}
          <NoteForm
            id={reasonId}
            label="Reason for rejection"
            value={reason}
            onChange={setReason}
            onSubmit={reject}
            submitLabel="Reject"
            tone="danger"
            busy={busy}
            error={reasonError}
            maxLength={1000}
          />
        </div>
      )}
    </article>
  );
}

function describeFailure(result: Exclude<ApiResult<unknown>, { kind: 'ok' }>): string {
  if (result.kind === 'network-error') return 'The portal could not be reached. Try again.';
  const problems = result.body?.errors?.map(({ field, reason }) => `${field}: ${sentence(reason)}`);
  if (problems?.length) return problems.join(' ');
  const message = Array.isArray(result.body?.message)
    ? result.body.message.join(' ')
    : result.body?.message;
  if (result.status === 409)
    return `Not possible any more: ${message ?? 'the request was decided meanwhile'}. Refresh the list.`;
  return `The decision was not stored (${message ?? `error ${result.status}`}, reference ${result.correlationId}).`;
}
