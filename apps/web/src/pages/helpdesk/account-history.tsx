import { useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { useSession } from '../../session/session-context';
import { AuditEntry, AuditPage } from '../admin/audit-types';
import { AuditHistory } from '../audit/audit-history';

const PAGE = 10;

function historyPath(accountId: string, cursor?: string): string {
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (cursor) query.set('cursor', cursor);
  return `/api/audit/accounts/${encodeURIComponent(accountId)}?${query.toString()}`;
}

/**
 * What staff did for this customer (orders placed for them, address and machine changes,
 * requests decided), newest first, so an agent can answer "who changed that, and when?".
 */
export function AccountHistory({ accountId }: { accountId: string }) {
  const { callWithSession } = useSession();
  const [first] = useApiResource<AuditPage>(historyPath(accountId));
  const [more, setMore] = useState<{ items: AuditEntry[]; cursor: string | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const items = first.state === 'ready' ? [...first.data.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.cursor : first.state === 'ready' ? first.data.nextCursor : null;

  const loadMore = async () => {
    if (!cursor) return;
    const result = await callWithSession<AuditPage>(historyPath(accountId, cursor));
    if (result.kind !== 'ok')
      return setProblem(`Loading more failed (reference ${result.correlationId}).`);
    setProblem(null);
    setMore({
      items: [...(more?.items ?? []), ...result.body.items],
      cursor: result.body.nextCursor,
    });
  };

  return (
    <section aria-labelledby="account-history-title" data-testid="account-history">
      <h2 id="account-history-title">History of staff actions</h2>
      {first.state === 'loading' && <p role="status">Loading the history…</p>}
      {first.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          The history could not be loaded (reference {first.reference}).
        </p>
      )}
      {first.state === 'ready' && <AuditHistory entries={items} label="History of staff actions" />}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {cursor && (
        <button type="button" className="button button--secondary" onClick={() => void loadMore()}>
          Show older
        </button>
      )}
    </section>
  );
}
