import { useApiResource } from '../../api/use-api-resource';
import { findCountry } from '../../config/countries';
import { useCountry } from '../../country/country-context';
import { HelpdeskNumber } from '../../layout/helpdesk-number';
import { useCountryFormats } from '../../country/country-formats';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { contractLapse, ContractLapseAdvice, useLapseSummary } from '../orders/contract-lapse';
import { AccountDevice, AccountView } from './account-types';
import { ShipToAddress } from './ship-to-address';

/**
 * "My account": company, country, ship-to address and machines, all read-only (grayed out).
 * Only the Supplies Helpdesk changes them — the registry refuses a customer's change anyway.
 */
export function AccountPage() {
  const { session } = useSession();
  const accountId = session?.user.accountId;
  const base = accountId ? `/api/accounts/${encodeURIComponent(accountId)}` : null;
  const [account] = useApiResource<AccountView>(base);
  const [devices] = useApiResource<{ items: AccountDevice[] }>(base && `${base}/devices`);

  return (
    <section className="page" aria-labelledby="account-title">
      <h1 id="account-title">My account</h1>
      {!accountId && <p>Your sign-in is not linked to a customer account.</p>}
      {account.state === 'loading' && accountId && <p role="status">Loading your account…</p>}
      {account.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          Your account could not be loaded (reference {account.reference}).
        </p>
      )}
      {account.state === 'ready' && (
        <>
          <HelpdeskSentence />
          <fieldset className="fieldset fieldset--readonly" disabled aria-label="Account">
            <legend>Account</legend>
            <ReadOnlyField id="account-company" label="Company" value={account.data.company} />
            <ReadOnlyField
              id="account-country"
              label="Country"
              value={findCountry(account.data.country)?.name ?? account.data.country}
            />
          </fieldset>
          <ShipToAddress account={account.data} notice={false} />
        </>
      )}
      <section aria-labelledby="machines-title">
        <h2 id="machines-title">Machines</h2>
        {devices.state === 'failed' && (
          <p className="notice notice--error" role="alert">
            Your machines could not be loaded (reference {devices.reference}).
          </p>
        )}
        {devices.state === 'ready' && <Machines devices={devices.data.items} />}
        <p>
          <Link to="/requests/machines">Add machines</Link> ·{' '}
          <Link to="/requests/item">Ask for an item that is not listed</Link> ·{' '}
          <Link to="/fleet">My fleet</Link> · <Link to="/agents">Data collection agents</Link>
        </p>
      </section>
    </section>
  );
}

/** Whom to call: the helpdesk of the country shown, as in the footer (one contact per page). */
function HelpdeskSentence() {
  const { country } = useCountry();
  return (
    <p className="notice" data-testid="account-helpdesk">
      Only the Supplies Helpdesk can change your company, country, ship-to address or machines: call{' '}
      <HelpdeskNumber /> ({country.name}).
    </p>
  );
}

function Machines({ devices }: { devices: AccountDevice[] }) {
  const formats = useCountryFormats();
  const lapseSummary = useLapseSummary();
  if (!devices.length) return <p>No machines are linked to your account.</p>;
  const lapsed = devices.filter((device) => !device.covered);
  return (
    <>
      <fieldset className="fieldset fieldset--readonly" disabled aria-label="Machines">
        <legend className="visually-hidden">Machines (read-only)</legend>
        {devices.map((device, index) => (
          <ReadOnlyField
            key={device.serial}
            id={`machine-${device.serial}`}
            label={`Machine ${index + 1}`}
            value={device.serial}
            hint={[
              device.model?.name,
              device.covered && device.contract
                ? `Metered Supplies contract until ${formats.date(device.contract.endsOn)}`
                : lapseSummary(contractLapse(device.contract)),
            ]
              .filter(Boolean)
              .join(' — ')}
          />
        ))}
      </fieldset>
      {lapsed.map((device) => (
        <div
          key={device.serial}
          className="notice notice--warn"
          data-testid={`lapse-${device.serial}`}
        >
          <p>
            <strong>{device.serial}</strong>
          </p>
          <ContractLapseAdvice lapse={contractLapse(device.contract)} />
        </div>
      ))}
    </>
  );
}

function ReadOnlyField(props: { id: string; label: string; value: string; hint?: string }) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        className="field__input"
        value={props.value}
        readOnly
        aria-readonly="true"
        aria-describedby={hintId}
      />
      {props.hint && (
        <p className="field__hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}
