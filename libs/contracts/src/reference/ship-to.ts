/**
 * The shape of a ship-to address as plain data, for code that must not load the validation
 * decorators (the web portal). `ShipToAddress` (events/shared) is the validated class.
 */
export interface ShipTo {
  line1: string;
  line2?: string;
  city: string;
  /** State, province or county where the country uses one. */
  state?: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}
