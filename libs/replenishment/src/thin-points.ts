/**
 * Keeps a time-ordered list of points within `limit`: the first point (a cartridge's start)
 * and the most recent quarter stay as they are; every second point of the older part goes,
 * so older history gets sparser but keeps its span.
 */
export function thinPoints<T>(points: T[], limit: number): T[] {
  let kept = points;
  while (kept.length > limit && kept.length > 2) {
    const recent = Math.max(1, Math.floor(limit / 4));
    const middleEnd = kept.length - recent;
    const thinned: T[] = [kept[0]];
    for (let index = 1; index < middleEnd; index += 1) {
      if (index % 2 === 0) thinned.push(kept[index]);
    }
    kept = thinned.concat(kept.slice(middleEnd));
  }
  return kept;
}
