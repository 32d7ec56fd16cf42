/** Days-to-empty thresholds that raise an event when a forecast crosses them downwards. */
export const DEFAULT_THRESHOLD_DAYS = [14, 7] as const;

/**
 * The thresholds a forecast crossed going from `previousDays` to `nextDays` (largest first):
 * those it was above (or had no forecast for) and is now at or below. Going back up (a new
 * cartridge) crosses nothing and re-arms them.
 */
export function crossedThresholds(
  previousDays: number | undefined,
  nextDays: number | undefined,
  thresholds: readonly number[] = DEFAULT_THRESHOLD_DAYS,
): number[] {
  if (nextDays === undefined) return [];
  return [...thresholds]
    .filter(
      (threshold) =>
        nextDays <= threshold && (previousDays === undefined || previousDays > threshold),
    )
    .sort((a, b) => b - a);
}
