/** Counter totals of one service at one sampling instant. */
export interface CounterTotals {
  published: number;
  consumed: number;
  deadLettered: number;
}

/** Events per sampling interval, summed over the services that answered. */
export interface ThroughputPoint extends CounterTotals {
  at: Date;
}

const ZERO: CounterTotals = { published: 0, consumed: 0, deadLettered: 0 };

/**
 * Turns periodic counter readings into "events per interval", keeping `windowMs` of history.
 * A counter that went down means the service restarted: its new value is what happened since.
 * A service that did not answer adds nothing and keeps its last reading.
 */
export class ThroughputSeries {
  private readonly last = new Map<string, CounterTotals>();
  private points: ThroughputPoint[] = [];

  constructor(private readonly windowMs: number) {}

  record(at: Date, readings: ReadonlyMap<string, CounterTotals>): void {
    const point: ThroughputPoint = { at, ...ZERO };
    let baselineOnly = this.last.size === 0;
    for (const [service, totals] of readings) {
      const previous = this.last.get(service);
      this.last.set(service, totals);
      if (!previous) continue;
      baselineOnly = false;
      for (const counter of Object.keys(ZERO) as (keyof CounterTotals)[]) {
        const delta = totals[counter] - previous[counter];
        point[counter] += delta >= 0 ? delta : totals[counter];
      }
    }
    if (!baselineOnly) this.points.push(point);
    const oldest = at.getTime() - this.windowMs;
    this.points = this.points.filter((p) => p.at.getTime() >= oldest);
  }

  series(): ThroughputPoint[] {
    return [...this.points];
  }
}
