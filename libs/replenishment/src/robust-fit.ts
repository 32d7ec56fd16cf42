/** A line through noisy, quantised points that a few outliers cannot drag: Theil–Sen. */
export interface RobustLine {
  /** Change of y per unit of x (the median of the pairwise slopes). */
  slope: number;
  /** y at x = 0 (the median of y − slope·x). */
  intercept: number;
  /** Median absolute residual: how far the points typically sit from the line. */
  spread: number;
}

export interface XY {
  x: number;
  y: number;
}

/**
 * Theil–Sen estimator: O(n²) pairs, fine for the ≤ 48 points kept per cartridge. Pairs with
 * the same x carry no slope and are skipped; fewer than two distinct x give no line.
 */
export function theilSen(points: readonly XY[]): RobustLine | undefined {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      const dx = points[j].x - points[i].x;
      if (dx !== 0) slopes.push((points[j].y - points[i].y) / dx);
    }
  }
  if (slopes.length === 0) return undefined;
  const slope = median(slopes);
  const intercept = median(points.map((point) => point.y - slope * point.x));
  const spread = median(points.map((point) => Math.abs(point.y - (intercept + slope * point.x))));
  return { slope, intercept, spread };
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile (q in 0–1) of the values; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
