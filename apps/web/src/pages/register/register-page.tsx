import { FormEvent, useRef, useState } from 'react';
import { callApi } from '../../api/api-client';
import { useCountry } from '../../country/country-context';
import { TextField } from '../../forms/text-field';
import { CountryPicker } from '../../layout/country-picker';
import { HelpdeskNumber } from '../../layout/helpdesk-number';
import { Link } from '../../router/router';
import {
  countProblems,
  placeProblems,
  prepareRegistration,
  RegisterErrors,
  RegisterValues,
  ShipToField,
} from './register-form';
import { RegistrationReceived } from './registration-received';
import { newSerialNumberRow, SerialNumberRows } from '../../forms/serial-number-rows';

const NO_ERRORS: RegisterErrors = { fields: {}, serialRows: {}, other: [] };

const emptyValues = (): RegisterValues => ({
  company: '',
  contactName: '',
  email: '',
  phone: '',
  shipTo: { line1: '', line2: '', city: '', state: '', postalCode: '' },
  serials: [newSerialNumberRow()],
});

export function RegisterPage() {
  const { country } = useCountry();
  const [values, setValues] = useState<RegisterValues>(emptyValues);
  const [errors, setErrors] = useState<RegisterErrors>(NO_ERRORS);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [received, setReceived] = useState<{ email: string; registrationId: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const set = (field: 'company' | 'contactName' | 'email' | 'phone', value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const setShipTo = (field: ShipToField, value: string) =>
    setValues((current) => ({ ...current, shipTo: { ...current.shipTo, [field]: value } }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setErrors(NO_ERRORS);
    const { body, serialRowKeys } = prepareRegistration(values, country.code);
    setSubmitting(true);
    const result = await callApi<{ registrationId: string }>('/api/registrations', {
      method: 'POST',
      body,
    });
    setSubmitting(false);
    if (result.kind === 'ok') {
      setReceived({ email: body.email, registrationId: result.body.registrationId });
      return;
    }
    if (result.kind === 'http-error' && result.status === 400 && result.body?.errors?.length) {
      setErrors(placeProblems(result.body.errors, serialRowKeys));
    } else if (result.kind === 'http-error' && result.status === 409) {
      setProblem(
        'An account or a pending registration request already exists for this email address. Sign in, or reset your password if you forgot it.',
      );
    } else if (result.kind === 'http-error' && result.status === 413) {
      setProblem('The request is too large: register at most 50 serial numbers at a time.');
    } else {
      setProblem(
        `Your request could not be sent right now (reference ${result.correlationId}). Try again in a few minutes.`,
      );
    }
    window.requestAnimationFrame(() => summaryRef.current?.focus());
  };

  if (received) return <RegistrationReceived {...received} />;

  const problemCount = countProblems(errors);
  const field = (name: string) => errors.fields[name];
  const shipToField = (name: ShipToField, label: string, autoComplete: string) => (
    <TextField
      id={`register-ship-to-${name}`}
      label={label}
      name={`shipTo.${name}`}
      autoComplete={`shipping ${autoComplete}`}
      value={values.shipTo[name]}
      error={field(`shipTo.${name}`)}
      onChange={(event) => setShipTo(name, event.target.value)}
    />
  );

  return (
    <section className="page" aria-labelledby="register-title">
      <h1 id="register-title">Register for an online account</h1>
      <p className="page__lead">
        With a Metered Supplies contract covering your devices you can order supplies online at any
        time. We check each request and email you a link to set your password.
      </p>
      <div ref={summaryRef} tabIndex={-1}>
        {problem && (
          <div className="notice notice--error" role="alert">
            <p>{problem}</p>
          </div>
        )}
        {problemCount > 0 && (
          <div className="notice notice--error" role="alert" data-testid="register-summary">
            <p>
              {problemCount === 1
                ? 'One thing needs your attention'
                : `${problemCount} things need your attention`}
              : see the messages next to the fields.
            </p>
            {errors.other.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
      </div>
      <form className="form" noValidate onSubmit={onSubmit} aria-label="Registration">
        <fieldset className="fieldset">
          <legend>Company and contact</legend>
          <TextField
            id="register-company"
            label="Company"
            autoComplete="organization"
            value={values.company}
            error={field('company')}
            onChange={(event) => set('company', event.target.value)}
          />
          <TextField
            id="register-contact-name"
            label="Contact name"
            autoComplete="name"
            value={values.contactName}
            error={field('contactName')}
            onChange={(event) => set('contactName', event.target.value)}
          />
          <TextField
            id="register-email"
            label="Email address"
            type="email"
            autoComplete="email"
            hint="We send the confirmation and your login details here."
            value={values.email}
            error={field('email')}
            onChange={(event) => set('email', event.target.value)}
          />
          <TextField
            id="register-phone"
            label="Phone"
            type="tel"
            autoComplete="tel"
            value={values.phone}
            error={field('phone')}
            onChange={(event) => set('phone', event.target.value)}
          />
        </fieldset>

        <fieldset className="fieldset">
          <legend>Country and ship-to address</legend>
          <div className={`field${field('country') ? ' field--invalid' : ''}`}>
            <span className="field__label" id="register-country-label">
              Country
            </span>
            <p className="field__hint" id="register-country-hint">
              Your devices must be installed in this country. Choose a region, then the country.
            </p>
            <CountryPicker variant="field" describedBy="register-country-hint" />
            {field('country') && (
              <p className="field__error" id="register-country-error">
                {field('country').join(' ')}
              </p>
            )}
          </div>
          {shipToField('line1', 'Address line 1', 'address-line1')}
          {shipToField('line2', 'Address line 2 (optional)', 'address-line2')}
          {shipToField('city', 'City', 'address-level2')}
          {shipToField('state', 'State or province (optional)', 'address-level1')}
          {shipToField('postalCode', 'Postal code', 'postal-code')}
          <p className="field__hint">
            Ship-to country: <strong data-testid="register-ship-to-country">{country.name}</strong>.
            After registration only the Supplies Helpdesk can change the address.
          </p>
        </fieldset>

        <SerialNumberRows
          rows={values.serials}
          rowErrors={errors.serialRows}
          listErrors={field('serials')}
          onChange={(serials) => setValues((current) => ({ ...current, serials }))}
          idPrefix="register-serial"
          legend="Device serial numbers"
          hint="The serial number is on the label of each device (8–15 letters and digits, e.g. E72345A6N1). Add every device you want to order supplies for."
          rowLabel="Serial number"
        />

        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? 'Sending…' : 'Send registration request'}
          </button>
        </div>
      </form>
      <p className="page__aside">
        Already registered? <Link to="/login">Sign in</Link>. Questions? Call the Supplies Helpdesk
        at <HelpdeskNumber />.
      </p>
    </section>
  );
}
