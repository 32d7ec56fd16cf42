import { OpsOverview } from './ops-types';

/** Consumer lag per group, topic and partition — the busiest first. */
export function LagTable({ lag }: { lag: OpsOverview['consumerLag'] }) {
  if (!lag.available) {
    return <p className="notice notice--warn">Kafka could not be asked for offsets: {lag.error}</p>;
  }
  const rows = [...lag.partitions].sort((a, b) => b.lag - a.lag);
  const total = rows.reduce((sum, row) => sum + row.lag, 0);
  return (
    <details className="ops-lag" open={total > 0}>
      <summary>
        Total lag <strong data-testid="total-lag">{total}</strong> over {rows.length} partitions
      </summary>
      <table className="table" aria-label="Consumer lag">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Topic</th>
            <th scope="col">Partition</th>
            <th scope="col">Committed</th>
            <th scope="col">End</th>
            <th scope="col">Lag</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.group}/${row.topic}/${row.partition}`}>
              <td>{row.group}</td>
              <td>
                <code>{row.topic}</code>
              </td>
              <td>{row.partition}</td>
              <td>{row.committed ?? '—'}</td>
              <td>{row.end}</td>
              <td className={row.lag > 0 ? 'ops-warn' : undefined}>{row.lag}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Documents with events not yet published, and how long the oldest has waited. */
export function OutboxTable({ outbox }: { outbox: OpsOverview['outbox'] }) {
  return (
    <table className="table" aria-label="Outbox backlog">
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Pending documents</th>
          <th scope="col">Oldest waiting</th>
        </tr>
      </thead>
      <tbody>
        {outbox.map((row) => (
          <tr key={row.service}>
            <td>{row.service}</td>
            <td className={row.pending ? 'ops-warn' : undefined}>{row.pending ?? '—'}</td>
            <td>{row.oldestAgeSeconds === null ? '—' : `${Math.round(row.oldestAgeSeconds)} s`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
