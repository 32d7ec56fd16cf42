import { Resource } from '../../api/use-api-resource';
import { useCountry } from '../../country/country-context';
import { IngestOverview } from '../telemetry/telemetry-types';

/**
 * Telemetry ingest on the operations dashboard (GET /api/telemetry/ops/ingest): readings per
 * minute, accepted / duplicate / refused in the last hour, refused readings by reason, and the
 * lag of the consumers that turn readings into forecasts.
 */
export function TelemetryIngest({ ingest }: { ingest: Resource<IngestOverview> }) {
  if (ingest.state === 'loading') return <p role="status">Loading telemetry ingest…</p>;
  if (ingest.state === 'failed')
    return (
      <p className="notice notice--warn" data-testid="telemetry-ingest-unavailable">
        The telemetry service did not answer
        {ingest.status ? ` (HTTP ${ingest.status})` : ''} (reference {ingest.reference}); retrying.
      </p>
    );
  const figures = ingest.data;
  const reasons = Object.entries(figures.refusedByReason ?? {}).sort((a, b) => b[1] - a[1]);
  return (
    <div data-testid="telemetry-ingest">
      <ul className="ops-tiles" aria-label="Telemetry ingest">
        <IngestTile
          label="Readings per minute"
          value={figures.readingsPerMinute}
          testId="ingest-rate"
        />
        <IngestTile
          label="Accepted, last hour"
          value={figures.acceptedLastHour}
          testId="ingest-accepted"
        />
        <IngestTile
          label="Duplicates, last hour"
          value={figures.duplicatesLastHour}
          testId="ingest-duplicates"
        />
        <IngestTile
          label="Refused, last hour"
          value={figures.refusedLastHour}
          testId="ingest-refused"
          warn={figures.refusedLastHour > 0}
        />
        <IngestTile
          label="Consumer lag (readings)"
          value={figures.consumerLag}
          testId="ingest-lag"
          warn={figures.consumerLag !== 0}
          unknown={figures.consumerLag < 0 ? 'Not known: Kafka unreachable' : undefined}
        />
      </ul>
      {reasons.length ? (
        <table className="table" aria-label="Refused readings by reason">
          <thead>
            <tr>
              <th scope="col">Refused because</th>
              <th scope="col">Readings</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map(([reason, count]) => (
              <tr key={reason} data-testid={`refused-${reason}`}>
                <td>{reason}</td>
                <td>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p data-testid="refused-none">No readings refused.</p>
      )}
    </div>
  );
}

function IngestTile({
  label,
  value,
  testId,
  warn = false,
  unknown,
}: {
  label: string;
  value: number;
  testId: string;
  warn?: boolean;
  /** Shown instead of the value when the service could not tell (e.g. lag -1). */
  unknown?: string;
}) {
  const { locale } = useCountry().country;
  return (
    <li className={`ops-tile${warn ? ' ops-tile--down' : ''}`} data-testid={testId}>
      <span className="ops-tile__meta">{label}</span>
      <strong className={`ops-figure${warn ? ' ops-warn' : ''}`}>
        {unknown ??
          (Number.isFinite(value)
            ? value.toLocaleString(locale, { maximumFractionDigits: 1 })
            : '—')}
      </strong>
    </li>
  );
}
