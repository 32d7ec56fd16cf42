import { FormEvent, useRef, useState } from 'react';
import { HelpdeskNumber } from '../../layout/helpdesk-number';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { RequestProblems } from './request-problems';
import {
  filledSerials,
  interpretAnswer,
  NO_ERRORS,
  RequestErrors,
  SerialDraft,
} from './request-form';
import { RequestList } from './request-list';
import { AccountRequest, MachinesRequestBody } from './request-types';
import { SerialCheckList } from './serial-check-list';
import { newSerialNumberRow, SerialNumberRows } from '../../forms/serial-number-rows';
import { useAccountDevices } from './use-account-devices';

const MAX_SERIALS = 20;

/**
 * "Add machines": the customer proves the account with one of its covered serials and lists
 * the serials to add; the registry checks each at once, the helpdesk decides, an email follows.
 */
export function MachinesRequestPage() {
  const { callWithSession } = useSession();
  const { accountId, devices, covered } = useAccountDevices();
  const [proofSerial, setProofSerial] = useState('');
  const [rows, setRows] = useState<SerialDraft[]>(() => [newSerialNumberRow()]);
  const [errors, setErrors] = useState<RequestErrors>(NO_ERRORS);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<AccountRequest | null>(null);
  const [version, setVersion] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const proof = proofSerial || covered[0] || '';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const { serials, keys } = filledSerials(rows);
    if (!serials.length) {
      setErrors({ ...NO_ERRORS, rows: { [rows[0].key]: ['Enter a serial number to add.'] } });
      return;
    }
    setSending(true);
    const body: MachinesRequestBody = { proofSerial: proof, serials };
    const result = await callWithSession<AccountRequest>('/api/account-requests/machines', {
      method: 'POST',
      body,
    });
    setSending(false);
    const outcome = interpretAnswer(result, { fields: ['proofSerial', 'serials'], rowKeys: keys });
    if (outcome.kind === 'created') {
      setSent(outcome.request);
      setErrors(NO_ERRORS);
      setRows([newSerialNumberRow()]);
      setVersion((value) => value + 1);
      return;
    }
    setErrors(outcome.errors);
    window.requestAnimationFrame(() => summaryRef.current?.focus());
  };

  return (
    <section className="page" aria-labelledby="machines-title">
      <h1 id="machines-title">Add machines</h1>
      <p className="page__lead">
        Ask to add machines to your account. We check each serial number right away; the Supplies
        Helpdesk then reviews your request and emails you the outcome.
      </p>
      {!accountId && <p>Your sign-in is not linked to a customer account.</p>}
      {sent && (
        <div className="notice notice--ok" role="status" data-testid="request-sent">
          <p>
            <strong>We received your request.</strong> The Supplies Helpdesk will review it and
            email you. Our checks of the serial numbers:
          </p>
          <SerialCheckList checks={sent.checks} />
        </div>
      )}
      {devices.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          Your machines could not be loaded (reference {devices.reference}).
        </p>
      )}
      {devices.state === 'ready' && covered.length === 0 && (
        <p className="notice">
          None of your machines has an active Metered Supplies contract, so there is no serial to
          prove your account with. Call the Supplies Helpdesk at <HelpdeskNumber />.
        </p>
      )}
      <RequestProblems ref={summaryRef} errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label="Add machines">
        <ProofSerialSelect
          serials={covered}
          value={proof}
          errors={errors.fields.proofSerial}
          onChange={setProofSerial}
        />
        <SerialNumberRows
          rows={rows}
          rowErrors={errors.rows}
          listErrors={errors.fields.serials}
          onChange={setRows}
          max={MAX_SERIALS}
          idPrefix="add-serial"
          legend="Machines to add"
          hint="The serial number is on the label of each machine (8–15 letters and digits)."
          rowLabel="Serial number to add"
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={sending || !proof}>
            {sending ? 'Sending…' : 'Send request'}
          </button>
          <Link to="/account">My account</Link>
        </div>
      </form>
      {accountId && <RequestList kind="machines" version={version} />}
    </section>
  );
}

function ProofSerialSelect({
  serials,
  value,
  errors,
  onChange,
}: {
  serials: string[];
  value: string;
  errors?: string[];
  onChange: (serial: string) => void;
}) {
  const errorId = errors?.length ? 'proof-serial-error' : undefined;
  return (
    <div className={`field${errorId ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor="proof-serial">
        A machine already on your account
      </label>
      <p className="field__hint" id="proof-serial-hint">
        One of your machines with an active contract: it shows that the request comes from your
        account.
      </p>
      <select
        id="proof-serial"
        className="field__input"
        value={value}
        disabled={!serials.length}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={['proof-serial-hint', errorId].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value)}
      >
        {serials.map((serial) => (
          <option key={serial} value={serial}>
            {serial}
          </option>
        ))}
      </select>
      {errorId && (
        <p className="field__error" id={errorId}>
          {errors?.map((message, index) => (
            <span key={index} className="field__error-line">
              {message}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
