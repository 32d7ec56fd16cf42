import { formatPrompts, telHref } from '../config/countries';
import { useCountry } from '../country/country-context';

/** The Supplies Helpdesk number and prompts for the chosen country, as a callable link. */
export function HelpdeskNumber() {
  const { country } = useCountry();
  return (
    <a className="helpdesk-number" href={telHref(country.helpdesk)}>
      <span className="helpdesk-number__phone">{country.helpdesk.phone}</span>
      {formatPrompts(country.helpdesk)}
    </a>
  );
}
