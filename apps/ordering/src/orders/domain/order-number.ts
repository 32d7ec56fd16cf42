import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, 5/S, 2/Z, 8/B: nothing a customer can misread on the phone. */
export const ORDER_NUMBER_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const ORDER_NUMBER_PATTERN = new RegExp(`^MS-\\d{6}-[${ORDER_NUMBER_ALPHABET}]{6}$`);

/**
 * `MS-YYMMDD-XXXXXX`: the order day (UTC) and six random characters (25^6 ≈ 244 million per
 * day). Uniqueness is guaranteed by the unique index, not by the randomness: a collision
 * makes the insert fail and the caller draws again.
 */
export function newOrderNumber(
  placedAt: Date,
  random: (max: number) => number = randomInt,
): string {
  const day = placedAt.toISOString().slice(2, 10).replace(/-/g, '');
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += ORDER_NUMBER_ALPHABET[random(ORDER_NUMBER_ALPHABET.length)];
  return `MS-${day}-${suffix}`;
}

/** What a person typed as an order number, normalised for a lookup. */
export function normaliseOrderNumber(typed: string): string {
  return typed.trim().toUpperCase();
}
