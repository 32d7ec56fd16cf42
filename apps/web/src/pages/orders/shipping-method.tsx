import { Country, formatPrompts, telHref } from '../../config/countries';

/**
 * Online orders ship standard: the only choice is shown fixed, and expedited shipping is
 * pointed at the Supplies Helpdesk of the account's country, the one channel that offers it.
 */
export function ShippingMethod({ country }: { country: Country }) {
  return (
    <fieldset className="fieldset" aria-describedby="shipping-expedited">
      <legend>Shipping</legend>
      <label className="shipping-choice">
        <input type="radio" name="shipping" value="standard" checked readOnly />
        Standard shipping
      </label>
      <p className="notice" id="shipping-expedited" data-testid="expedited-shipping">
        Expedited shipping is available only through the Supplies Helpdesk:{' '}
        <a className="helpdesk-number" href={telHref(country.helpdesk)}>
          {country.helpdesk.phone}
          {formatPrompts(country.helpdesk)}
        </a>{' '}
        ({country.name}).
      </p>
    </fieldset>
  );
}
