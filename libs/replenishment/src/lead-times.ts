/**
 * Standard shipping lead time in days per destination country (ISO 3166-1 alpha-2), from the
 * nearest warehouse to the door. Placeholders in the shape the logistics team will fill in;
 * a country not listed gets the default.
 */
export const LEAD_TIME_DAYS: Readonly<Record<string, number>> = {
  US: 3,
  CA: 4,
  MX: 6,
  BR: 8,
  GB: 2,
  DE: 2,
  FR: 2,
  NL: 2,
  AU: 5,
  JP: 3,
  SG: 3,
};

export const DEFAULT_LEAD_TIME_DAYS = 5;

/** How long an order should last before the next one is considered: what a suggestion covers on top of the lead time. */
export const DEFAULT_REVIEW_DAYS = 30;

export function leadTimeDaysFor(country: string | null | undefined): number {
  if (!country) return DEFAULT_LEAD_TIME_DAYS;
  return LEAD_TIME_DAYS[country.trim().toUpperCase()] ?? DEFAULT_LEAD_TIME_DAYS;
}
