import { findCountry } from '../../config/countries';
import { useCountry } from '../../country/country-context';
import { HelpdeskNumber } from '../../layout/helpdesk-number';
import { AccountView } from './account-types';

/**
 * The ship-to address, read-only (grayed out): only the Supplies Helpdesk changes it, and the
 * page says so with the helpdesk number of the country shown.
 */
export function ShipToAddress({
  account,
  notice = true,
}: {
  account: AccountView;
  /** False where the page already says who changes the account's details. */
  notice?: boolean;
}) {
  // The helpdesk of the country shown (the account's own unless another was picked), the
  // same number as in the footer: one helpdesk contact per page.
  const { country } = useCountry();
  const { shipTo } = account;
  const rows: [string, string, string | undefined][] = [
    ['line1', 'Address line 1', shipTo.line1],
    ['line2', 'Address line 2', shipTo.line2],
    ['city', 'City', shipTo.city],
    ['state', 'State or province', shipTo.state],
    ['postal-code', 'Postal code', shipTo.postalCode],
    ['country', 'Country', findCountry(shipTo.country)?.name ?? shipTo.country],
  ];
  return (
    <section className="ship-to" aria-labelledby="ship-to-title">
      <h2 id="ship-to-title">Ship-to address</h2>
      <fieldset className="fieldset fieldset--readonly" disabled>
        <legend className="visually-hidden">Ship-to address (read-only)</legend>
        {rows.map(([key, label, value]) => (
          <div className="field" key={key}>
            <label className="field__label" htmlFor={`ship-to-${key}`}>
              {label}
            </label>
            <input
              id={`ship-to-${key}`}
              className="field__input"
              value={value ?? ''}
              readOnly
              aria-readonly="true"
            />
          </div>
        ))}
      </fieldset>
      {notice && (
        <p className="notice" data-testid="ship-to-helpdesk">
          Only the Supplies Helpdesk can change the ship-to address: call <HelpdeskNumber /> (
          {country.name}).
        </p>
      )}
    </section>
  );
}
