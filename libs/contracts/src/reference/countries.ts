/**
 * Regions and countries of the country picker, with the Supplies Helpdesk contact that each
 * country's customers call (expedited orders, address changes, unlisted items, more machines).
 *
 * Static for now. Only the United States number and prompts come from the vendor's FAQ; the
 * others are placeholders in the same shape until the vendor's helpdesk directory is loaded.
 */
export interface HelpdeskContact {
  /** As dialled locally, e.g. "1-800-275-9376". */
  phone: string;
  /** The phone-menu choices that reach the Supplies Helpdesk, in order. */
  prompts: readonly number[];
}

export interface Country {
  /** ISO 3166-1 alpha-2 code; what the portal remembers and later sends to the API. */
  code: string;
  name: string;
  /**
   * BCP 47 locale for dates and numbers shown to this country's people (Intl), e.g. "de-DE"
   * gives 27.11.2026. Texts stay English; only their formats follow the country.
   */
  locale: string;
  helpdesk: HelpdeskContact;
}

export interface Region {
  id: string;
  name: string;
  /** Where the region's orange marker sits on the picker's world map, in % of its width/height. */
  marker: { x: number; y: number };
  countries: readonly Country[];
}

export const REGIONS: readonly Region[] = [
  {
    id: 'north-america',
    name: 'North America',
    marker: { x: 22, y: 26 },
    countries: [
      {
        code: 'US',
        name: 'United States',
        locale: 'en-US',
        helpdesk: { phone: '1-800-275-9376', prompts: [1, 3, 3] },
      },
      {
        code: 'CA',
        name: 'Canada',
        locale: 'en-CA',
        helpdesk: { phone: '1-800-939-3769', prompts: [1, 2] },
      },
    ],
  },
  {
    id: 'latin-america',
    name: 'Latin America',
    marker: { x: 33, y: 58 },
    countries: [
      {
        code: 'MX',
        name: 'Mexico',
        locale: 'es-MX',
        helpdesk: { phone: '800-022-6868', prompts: [2, 1] },
      },
      {
        code: 'BR',
        name: 'Brazil',
        locale: 'pt-BR',
        helpdesk: { phone: '0800-979-3769', prompts: [3] },
      },
    ],
  },
  {
    id: 'europe',
    name: 'Europe',
    marker: { x: 53, y: 22 },
    countries: [
      {
        code: 'GB',
        name: 'United Kingdom',
        locale: 'en-GB',
        helpdesk: { phone: '0808 157 0192', prompts: [2, 1] },
      },
      {
        code: 'DE',
        name: 'Germany',
        locale: 'de-DE',
        helpdesk: { phone: '0800 181 8181', prompts: [1, 4] },
      },
      {
        code: 'FR',
        name: 'France',
        locale: 'fr-FR',
        helpdesk: { phone: '0 800 94 37 69', prompts: [3, 1] },
      },
      {
        code: 'NL',
        name: 'Netherlands',
        locale: 'nl-NL',
        helpdesk: { phone: '0800 023 0023', prompts: [2] },
      },
    ],
  },
  {
    id: 'asia-pacific',
    name: 'Asia Pacific',
    marker: { x: 84, y: 52 },
    countries: [
      {
        code: 'AU',
        name: 'Australia',
        locale: 'en-AU',
        helpdesk: { phone: '1800 043 876', prompts: [1, 3] },
      },
      {
        code: 'JP',
        name: 'Japan',
        locale: 'ja-JP',
        helpdesk: { phone: '0120-000-111', prompts: [2, 2] },
      },
      {
        code: 'SG',
        name: 'Singapore',
        locale: 'en-SG',
        helpdesk: { phone: '1800 737 7000', prompts: [1] },
      },
    ],
  },
];

export const DEFAULT_COUNTRY_CODE = 'US';

export function findCountry(code: string | null | undefined): Country | undefined {
  return REGIONS.flatMap((region) => region.countries).find((country) => country.code === code);
}

export function regionOf(country: Country): Region {
  const region = REGIONS.find((candidate) => candidate.countries.includes(country));
  if (!region) throw new Error(`country ${country.code} belongs to no region`);
  return region;
}

/**
 * " (prompts: 1, 3, 3)" — printed after the phone number, as in "1-800-275-9376 (prompts: 1, 3, 3)";
 * empty when the number reaches the helpdesk directly.
 */
export function formatPrompts(contact: HelpdeskContact): string {
  return contact.prompts.length ? ` (prompts: ${contact.prompts.join(', ')})` : '';
}

/** A `tel:` link target: digits only, prompts are for the caller to press. */
export function telHref(contact: HelpdeskContact): string {
  return `tel:${contact.phone.replace(/[^\d+]/g, '')}`;
}

/** Every supported ISO 3166-1 alpha-2 code, for validators on both sides of the API. */
export const COUNTRY_CODES: readonly string[] = REGIONS.flatMap((region) =>
  region.countries.map((country) => country.code),
);
