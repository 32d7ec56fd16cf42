import { FormEvent, useState } from 'react';
import { findCountry } from '../../config/countries';
import type { ShipTo } from '../../config/ship-to';
import { TextField } from '../../forms/text-field';
import { useSession } from '../../session/session-context';
import { actionProblem, fieldReasons } from './action-problem';
import { AccountSummary } from './helpdesk-types';

const FIELDS: [keyof ShipTo, string, boolean][] = [
  ['line1', 'Address line 1', true],
  ['line2', 'Address line 2', false],
  ['city', 'City', true],
  ['state', 'State or province', false],
  ['postalCode', 'Postal code', true],
];

interface ShipToFormProps {
  account: AccountSummary;
  onSaved: (account: AccountSummary) => void;
}

/**
 * The ship-to address, editable by the helpdesk only (PUT /api/accounts/{id}/ship-to). The
 * country stays the account's: a move abroad is a new account. Later orders use the new
 * address; placed orders keep theirs.
 */
export function ShipToForm({ account, onSaved }: ShipToFormProps) {
  const { callWithSession } = useSession();
  const [values, setValues] = useState<ShipTo>(() => ({ ...account.shipTo }));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const body: ShipTo = { ...values, country: account.country };
    const missing: Record<string, string[]> = {};
    for (const [field, label, required] of FIELDS) {
      const text = (body[field] ?? '').trim();
      if (required && !text) missing[field] = [`Enter the ${label.toLowerCase()}.`];
      if (text) body[field] = text;
      else if (!required) delete body[field];
    }
    setErrors(missing);
    setProblem(null);
    setSaved(false);
    if (Object.keys(missing).length) return;
    setBusy(true);
    const result = await callWithSession<AccountSummary>(
      `/api/accounts/${encodeURIComponent(account.accountId)}/ship-to`,
      { method: 'PUT', body },
    );
    setBusy(false);
    if (result.kind === 'ok') {
      setSaved(true);
      onSaved(result.body);
      return;
    }
    const byField = fieldReasons(result);
    if (Object.keys(byField).some((field) => FIELDS.some(([name]) => name === field)))
      setErrors(byField);
    else setProblem(actionProblem(result, 'Changing the address'));
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-label="Ship-to address">
      {FIELDS.map(([field, label]) => (
        <TextField
          key={field}
          id={`helpdesk-ship-to-${field}`}
          label={label}
          value={values[field] ?? ''}
          error={errors[field]}
          onChange={(event) => {
            setSaved(false);
            setValues((now) => ({ ...now, [field]: event.target.value }));
          }}
        />
      ))}
      <p className="field__hint">
        Country: {findCountry(account.country)?.name ?? account.country} (fixed for the account)
      </p>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {saved && (
        <p className="notice notice--ok" role="status" data-testid="ship-to-saved">
          Address saved. Orders placed from now on ship here.
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save address'}
        </button>
      </div>
    </form>
  );
}
