import { formatPrompts, findCountry, telHref } from '../../config/countries';
import { AccountView } from './account-types';

/**
 * The ship-to address, read-only (grayed out): only the Supplies Helpdesk changes it, and the
 * page says so with the helpdesk number of the account's country.
 */
export function ShipToAddress({
  account,
  notice = true,
}: {
  account: AccountView;
  /** False where the page already says who changes the account's details. */
  notice?: boolean;
}) {
  const country = findCountry(account.country);
  const helpdesk = account.helpdesk ?? country?.helpdesk;
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
          Only the Supplies Helpdesk can change the ship-to address
          {country && helpdesk ? (
            <>
              : call{' '}
              <a className="helpdesk-number" href={telHref(helpdesk)}>
                {helpdesk.phone}
                {formatPrompts(helpdesk)}
              </a>{' '}
              ({country.name}).
            </>
          ) : (
            '.'
          )}
        </p>
      )}
    </section>
  );
}
