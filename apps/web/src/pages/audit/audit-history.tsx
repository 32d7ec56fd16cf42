import { useCountryFormats } from '../../country/country-formats';
import { AuditEntry } from '../admin/audit-types';
import { actionInWords, changesOf } from './audit-wording';

/**
 * Staff actions as sentences, newest first: when, who did what to which thing, then each
 * changed field as "before → after" and the reason. Read by the helpdesk (one account) and
 * the admin (the whole trail); no raw JSON, and it wraps on a phone.
 */
export function AuditHistory({
  entries,
  label,
  showAccount = false,
}: {
  entries: AuditEntry[];
  label: string;
  showAccount?: boolean;
}) {
  const { dateTime: formatDateTime } = useCountryFormats();
  if (!entries.length) return <p>No staff actions match.</p>;
  return (
    <ol className="audit-history" aria-label={label}>
      {entries.map((entry) => {
        const changes = changesOf(entry);
        return (
          <li key={entry.auditId} className="audit-entry" data-testid={`audit-${entry.auditId}`}>
            <p className="audit-entry__summary">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              {': '}
              <strong>{entry.actor.email}</strong> ({entry.actor.roles.join(', ')}){' '}
              {actionInWords(entry.action)}{' '}
              <span className="audit-entry__subject">
                ({entry.subject.type} {entry.subject.id})
              </span>
            </p>
            {changes.length > 0 && (
              <ul className="audit-entry__changes" aria-label="What changed">
                {changes.map((change) => (
                  <li key={change.field}>
                    <span className="audit-entry__field">{change.field}:</span>{' '}
                    {change.before !== undefined && (
                      <>
                        <del>{change.before}</del> →{' '}
                      </>
                    )}
                    <ins>{change.after ?? 'removed'}</ins>
                  </li>
                ))}
              </ul>
            )}
            {entry.reason && <p className="audit-entry__reason">Reason: {entry.reason}</p>}
            <p className="audit-entry__meta">
              {showAccount && entry.accountId && <>Account {entry.accountId} · </>}
              {entry.service} · <code>{entry.action}</code>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
