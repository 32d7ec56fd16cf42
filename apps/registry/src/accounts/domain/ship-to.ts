import type { ShipTo } from '@metered/contracts';

/** The address as stored: optional lines absent rather than empty, every field trimmed. */
export function normaliseShipTo(address: ShipTo): ShipTo {
  const line2 = address.line2?.trim();
  const state = address.state?.trim();
  return {
    line1: address.line1.trim(),
    ...(line2 ? { line2 } : {}),
    city: address.city.trim(),
    ...(state ? { state } : {}),
    postalCode: address.postalCode.trim(),
    country: address.country,
  };
}

export function sameShipTo(a: ShipTo, b: ShipTo): boolean {
  const x = normaliseShipTo(a);
  const y = normaliseShipTo(b);
  return (
    x.line1 === y.line1 &&
    x.line2 === y.line2 &&
    x.city === y.city &&
    x.state === y.state &&
    x.postalCode === y.postalCode &&
    x.country === y.country
  );
}

/**
 * An account's supplies ship inside its country: the country decides which devices belong to
 * the account (domain rule 9), so moving the address abroad is a new registration instead.
 */
export function shipToProblems(
  address: ShipTo,
  accountCountry: string,
): { field: string; reason: string }[] {
  return address.country === accountCountry
    ? []
    : [{ field: 'country', reason: `must be the account's country (${accountCountry})` }];
}
