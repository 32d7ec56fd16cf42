import { ThroughputPoint } from './ops-types';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 40, right: 12, top: 12, bottom: 26 };

const SERIES = [
  { key: 'published', label: 'Published', className: 'chart__line--published' },
  { key: 'consumed', label: 'Consumed', className: 'chart__line--consumed' },
  { key: 'deadLettered', label: 'Dead-lettered', className: 'chart__line--dead' },
] as const;

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Events per interval over the last minutes, as three lines; drawn by hand (no chart library). */
export function ThroughputChart({
  points,
  intervalSeconds,
}: {
  points: ThroughputPoint[];
  intervalSeconds: number;
}) {
  const max = Math.max(1, ...points.flatMap((p) => [p.published, p.consumed, p.deadLettered]));
  const first = points.length ? Date.parse(points[0].at) : 0;
  const last = points.length ? Date.parse(points[points.length - 1].at) : 0;
  const span = Math.max(1, last - first);
  const x = (at: string) =>
    PAD.left + ((Date.parse(at) - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) =>
    HEIGHT - PAD.bottom - (value / max) * (HEIGHT - PAD.top - PAD.bottom);
  const latest = points[points.length - 1];

  return (
    <figure className="chart" data-testid="throughput-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Events per ${intervalSeconds} seconds over the last ${points.length} intervals`}
      >
        <line className="chart__axis" x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} />
        <line className="chart__axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={y(0)} />
        <text className="chart__label" x={PAD.left - 6} y={PAD.top + 4} textAnchor="end">
          {max}
        </text>
        <text className="chart__label" x={PAD.left - 6} y={y(0)} textAnchor="end">
          0
        </text>
        {points.length > 0 && (
          <>
            <text className="chart__label" x={PAD.left} y={HEIGHT - 6}>
              {time.format(new Date(first))}
            </text>
            <text className="chart__label" x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">
              {time.format(new Date(last))}
            </text>
          </>
        )}
        {SERIES.map((series) =>
          points.length === 1 ? (
            <circle
              key={series.key}
              className={`chart__dot ${series.className}`}
              cx={PAD.left}
              cy={y(points[0][series.key])}
              r={3}
            />
          ) : (
            <polyline
              key={series.key}
              className={`chart__line ${series.className}`}
              points={points
                .map((p) => `${x(p.at).toFixed(1)},${y(p[series.key]).toFixed(1)}`)
                .join(' ')}
            />
          ),
        )}
      </svg>
      <figcaption className="chart__legend">
        {SERIES.map((series) => (
          <span key={series.key} className={`chart__key ${series.className}`}>
            {series.label}
            {latest ? `: ${latest[series.key]}` : ''}
          </span>
        ))}
        <span>per {intervalSeconds} s</span>
        {points.length === 0 && <span>— the first samples arrive within a minute</span>}
      </figcaption>
    </figure>
  );
}
