import { FormEvent, useRef, useState } from 'react';
import { TextField } from '../../forms/text-field';
import { HelpdeskNumber } from '../../layout/helpdesk-number';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { RequestProblems } from './request-problems';
import { interpretAnswer, NO_ERRORS, RequestErrors } from './request-form';
import { RequestList } from './request-list';
import { AccountRequest, SupplyItemRequestBody } from './request-types';
import { useAccountDevices } from './use-account-devices';

const FIELDS = ['serial', 'reorderNumber', 'note'];

/** `?serial=` from the Order Supplies page ("Item not in the list?") preselects that machine. */
function serialFromLocation(): string {
  return new URLSearchParams(window.location.search).get('serial') ?? '';
}

/**
 * "Item not listed": the customer asks for a supply item that is not in a machine's list; the
 * helpdesk adds it (then it appears in Order Supplies) or declines with a reason, by email.
 */
export function ItemRequestPage() {
  const { callWithSession } = useSession();
  const { accountId, devices, covered } = useAccountDevices();
  const [serial, setSerial] = useState(serialFromLocation);
  const [reorderNumber, setReorderNumber] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<RequestErrors>(NO_ERRORS);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<AccountRequest | null>(null);
  const [version, setVersion] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const chosen = covered.includes(serial) ? serial : (covered[0] ?? '');
  const device =
    devices.state === 'ready' ? devices.data.items.find((d) => d.serial === chosen) : undefined;
  const listed = (device?.supplyItems ?? []) as { reorderNumber?: string; description?: string }[];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    const body: SupplyItemRequestBody = {
      serial: chosen,
      reorderNumber: reorderNumber.trim(),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const result = await callWithSession<AccountRequest>('/api/account-requests/supply-items', {
      method: 'POST',
      body,
    });
    setSending(false);
    const outcome = interpretAnswer(result, { fields: FIELDS, conflictField: 'reorderNumber' });
    if (outcome.kind === 'created') {
      setSent(outcome.request);
      setErrors(NO_ERRORS);
      setReorderNumber('');
      setNote('');
      setVersion((value) => value + 1);
      return;
    }
    setErrors(outcome.errors);
    window.requestAnimationFrame(() => summaryRef.current?.focus());
  };

  return (
    <section className="page" aria-labelledby="item-title">
      <h1 id="item-title">Item not listed</h1>
      <p className="page__lead">
        The supply items you can order are tied to each machine. Ask for an item that is not in a
        machine&apos;s list: the Supplies Helpdesk adds it or tells you why not, by email.
      </p>
      {!accountId && <p>Your sign-in is not linked to a customer account.</p>}
      {sent && (
        <p className="notice notice--ok" role="status" data-testid="request-sent">
          <strong>We received your request</strong> for item <code>{sent.reorderNumber}</code> on{' '}
          <code>{sent.serial}</code>. Once the helpdesk adds it, you can choose it in{' '}
          <Link to="/order">Order Supplies</Link>.
        </p>
      )}
      {devices.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          Your machines could not be loaded (reference {devices.reference}).
        </p>
      )}
      {devices.state === 'ready' && covered.length === 0 && (
        <p className="notice">
          None of your machines has an active Metered Supplies contract. Call the Supplies Helpdesk
          at <HelpdeskNumber />.
        </p>
      )}
      <RequestProblems ref={summaryRef} errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label="Item not listed">
        <div className={`field${errors.fields.serial ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="item-serial">
            Serial number
          </label>
          <select
            id="item-serial"
            className="field__input"
            value={chosen}
            disabled={!covered.length}
            aria-invalid={errors.fields.serial ? true : undefined}
            aria-describedby={errors.fields.serial ? 'item-serial-error' : 'item-serial-hint'}
            onChange={(event) => setSerial(event.target.value)}
          >
            {covered.map((candidate) => (
              <option key={candidate} value={candidate}>
                {candidate}
              </option>
            ))}
          </select>
          <p className="field__hint" id="item-serial-hint">
            {listed.length
              ? `Already in its list: ${listed.map((item) => item.reorderNumber).join(', ')}.`
              : 'The machine the item is for.'}
          </p>
          {errors.fields.serial && (
            <p className="field__error" id="item-serial-error">
              {errors.fields.serial.join(' ')}
            </p>
          )}
        </div>
        <TextField
          id="item-reorder-number"
          label="Reorder number"
          hint="As printed on the supply's box or in the machine's manual, e.g. 108R01484."
          value={reorderNumber}
          autoComplete="off"
          spellCheck={false}
          error={errors.fields.reorderNumber}
          onChange={(event) => setReorderNumber(event.target.value)}
        />
        <NoteField value={note} errors={errors.fields.note} onChange={setNote} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={sending || !chosen}>
            {sending ? 'Sending…' : 'Send request'}
          </button>
          <Link to="/order">Back to Order Supplies</Link>
        </div>
      </form>
      {accountId && <RequestList kind="supply-items" version={version} />}
    </section>
  );
}

function NoteField({
  value,
  errors,
  onChange,
}: {
  value: string;
  errors?: string[];
  onChange: (value: string) => void;
}) {
  const errorId = errors?.length ? 'item-note-error' : undefined;
  return (
    <div className={`field${errorId ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor="item-note">
        Note (optional)
      </label>
      <textarea
        id="item-note"
        className="field__input"
        rows={3}
        maxLength={500}
        value={value}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        onChange={(event) => onChange(event.target.value)}
      />
      {errorId && (
        <p className="field__error" id={errorId}>
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}
