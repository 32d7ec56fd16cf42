import { useCallback, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { useCountryFormats } from '../../country/country-formats';
import { DeadLetterTable } from './dead-letter-table';
import { LagTable, OutboxTable } from './lag-tables';
import { DeadLetter, OpsOverview } from './ops-types';
import { InfrastructureTiles, ServiceTiles } from './service-tiles';
import { ThroughputChart } from './throughput-chart';
import { TelemetryIngest } from './telemetry-ingest';
import { usePolling } from './use-polling';
import { IngestOverview } from '../telemetry/telemetry-types';

const REFRESH_MS = 5000;

/**
 * The page operations staff keep open: health, throughput, lag, backlog, dead letters, and the
 * telemetry service's ingest (rate, refused readings by reason, consumer lag).
 */
export function OpsDashboardPage() {
  const { dateTime: formatDateTime } = useCountryFormats();
  const [overview, reloadOverview] = useApiResource<OpsOverview>('/api/ops/overview');
  const [letters, reloadLetters] = useApiResource<{ items: DeadLetter[] }>(
    '/api/dead-letters?limit=10',
  );
  const [ingest, reloadIngest] = useApiResource<IngestOverview>('/api/telemetry/ops/ingest');
  const [outcome, setOutcome] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    await Promise.all([reloadOverview(), reloadLetters(), reloadIngest()]);
  }, [reloadOverview, reloadLetters, reloadIngest]);
  usePolling(refresh, REFRESH_MS);

  const onReplayed = (message: string) => {
    setOutcome(message);
    void refresh();
  };

  return (
    <section className="page page--wide" aria-labelledby="ops-title">
      <div className="page__title-row">
        <h1 id="ops-title">Operations</h1>
        <span className="ops-tile__meta" aria-live="off">
          {overview.state === 'ready'
            ? `Updated ${formatDateTime(overview.data.generatedAt)} · every 5 s`
            : 'Refreshes every 5 s'}
        </span>
      </div>
      {outcome && (
        <p className="notice notice--ok" role="status" data-testid="ops-outcome">
          {outcome}
        </p>
      )}
      {overview.state === 'loading' && <p role="status">Loading the overview…</p>}
      {overview.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          The overview could not be loaded (reference {overview.reference}); retrying.
        </p>
      )}
      {overview.state === 'ready' && (
        <>
          <h2>Services</h2>
          <ServiceTiles services={overview.data.services} />
          <h2>Infrastructure</h2>
          <InfrastructureTiles components={overview.data.infrastructure ?? []} />
          <h2>Event throughput</h2>
          <ThroughputChart
            points={overview.data.throughput.points}
            intervalSeconds={overview.data.throughput.intervalSeconds}
          />
          <div className="ops-columns">
            <div>
              <h2>Outbox backlog</h2>
              <OutboxTable outbox={overview.data.outbox} />
            </div>
            <div>
              <h2>Emails</h2>
              <p data-testid="email-counts">
                {overview.data.emails.sent === null || overview.data.emails.failed === null ? (
                  'Not known: the notifications service’s metrics could not be read.'
                ) : (
                  <>
                    Sent <strong>{overview.data.emails.sent}</strong> · failed{' '}
                    <strong>{overview.data.emails.failed}</strong> (since notifications started)
                  </>
                )}
              </p>
              <h2>Dead letters</h2>
              <p data-testid="dead-letter-counts">
                Parked <strong>{overview.data.deadLetters.parked}</strong> · replayed{' '}
                {overview.data.deadLetters.replayed}
              </p>
            </div>
          </div>
          <h2>Consumer lag</h2>
          <LagTable lag={overview.data.consumerLag} />
        </>
      )}
      <h2>Telemetry ingest</h2>
      <TelemetryIngest ingest={ingest} />
      <h2>Dead-lettered messages</h2>
      {letters.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          The dead letters could not be loaded (reference {letters.reference}).
        </p>
      )}
      {letters.state === 'ready' && (
        <DeadLetterTable letters={letters.data.items} onReplayed={onReplayed} />
      )}
    </section>
  );
}
