import { useCountryFormats } from '../../country/country-formats';
import { AuditEntry } from './audit-types';

function changes(entry: AuditEntry): string {
  const parts: string[] = [];
  if (entry.before) parts.push(`before ${JSON.stringify(entry.before)}`);
  if (entry.after) parts.push(`after ${JSON.stringify(entry.after)}`);
  return parts.join(' → ');
}

/** The trail as a table: when, who, what, to what, on which account, and the change. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { dateTime: formatDateTime } = useCountryFormats();
  if (!entries.length) return <p>No staff actions match.</p>;
  return (
    <table className="table" aria-label="Audit trail">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Subject</th>
          <th scope="col">Account</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.auditId} data-testid={`audit-${entry.auditId}`}>
            <td>{formatDateTime(entry.at)}</td>
            <td>
              {entry.actor.email}
              <div className="ops-tile__meta">{entry.actor.roles.join(', ')}</div>
            </td>
            <td>
              <code>{entry.action}</code>
              <div className="ops-tile__meta">{entry.service}</div>
            </td>
            <td>
              {entry.subject.type} <code>{entry.subject.id}</code>
            </td>
            <td>{entry.accountId ? <code>{entry.accountId}</code> : '—'}</td>
            <td className="ops-error">
              {changes(entry)}
              {entry.reason && <div>Reason: {entry.reason}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
