// The country list is shared with the services (registration checks the same codes); it comes
// from the browser-safe public subpath of libs/contracts (@metered/contracts/reference).
export {
  COUNTRY_CODES,
  DEFAULT_COUNTRY_CODE,
  findCountry,
  formatPrompts,
  regionOf,
  REGIONS,
  telHref,
} from '../../../../libs/contracts/src/reference';
export type { Country, HelpdeskContact, Region } from '../../../../libs/contracts/src/reference';
