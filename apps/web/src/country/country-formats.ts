import { Country } from '../config/countries';
import { useCountry } from './country-context';

export interface CountryFormats {
  /** "Nov 27, 2026" (US), "27.11.2026" (Germany); the input unchanged when it is not a date. */
  date: (iso: string | undefined) => string;
  /** Date and time of day in the country's conventions. */
  dateTime: (iso: string | undefined) => string;
}

/** Intl formatters are costly to build, so one pair per locale is kept. */
const cache = new Map<string, CountryFormats>();

export function formatsFor(country: Pick<Country, 'locale'>): CountryFormats {
  const known = cache.get(country.locale);
  if (known) return known;
  const dateOnly = new Intl.DateTimeFormat(country.locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(country.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const formats: CountryFormats = {
    date: (iso) => format(dateOnly, iso),
    dateTime: (iso) => format(dateTime, iso),
  };
  cache.set(country.locale, formats);
  return formats;
}

function format(formatter: Intl.DateTimeFormat, iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}

/** Date formats of the country chosen with the picker: pages re-render when it changes. */
export function useCountryFormats(): CountryFormats {
  return formatsFor(useCountry().country);
}
