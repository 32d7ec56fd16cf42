import { FormEvent, useState } from 'react';
import { useSession } from '../../session/session-context';
import { useApiResource } from '../../api/use-api-resource';
import { AuditTable } from './audit-rows';
import { AuditEntry, AuditFilters, AuditPage as AuditAnswer, auditPath } from './audit-types';

const NO_FILTERS: AuditFilters = { accountId: '', actor: '', action: '' };

/** Admins read what staff did: filter by account, actor (email or user id) and action. */
export function AuditPage() {
  const { callWithSession } = useSession();
  const [form, setForm] = useState<AuditFilters>(NO_FILTERS);
  const [applied, setApplied] = useState<AuditFilters>(NO_FILTERS);
  const [first] = useApiResource<AuditAnswer>(auditPath(applied));
  const [more, setMore] = useState<{ items: AuditEntry[]; cursor: string | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMore(null);
    setApplied({ ...form });
  };

  const items = first.state === 'ready' ? [...first.data.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.cursor : first.state === 'ready' ? first.data.nextCursor : null;

  const loadMore = async () => {
    if (!cursor) return;
    const result = await callWithSession<AuditAnswer>(auditPath(applied, cursor));
    if (result.kind !== 'ok')
      return setProblem(`Loading more failed (reference ${result.correlationId}).`);
    setProblem(null);
    setMore({
      items: [...(more?.items ?? []), ...result.body.items],
      cursor: result.body.nextCursor,
    });
  };

  const field = (name: keyof AuditFilters, label: string, placeholder: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="field__input"
        name={name}
        value={form[name]}
        placeholder={placeholder}
        onChange={(event) => setForm({ ...form, [name]: event.target.value })}
      />
    </label>
  );

  return (
    <section className="page page--wide" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit trail</h1>
      <p className="page__lead">
        Every action staff took on customer data or the platform, newest first.
      </p>
      <form className="audit-filters" onSubmit={apply} aria-label="Filter the audit trail">
        {field('accountId', 'Account', 'account id')}
        {field('actor', 'Actor', 'email or user id')}
        {field('action', 'Action', 'e.g. order.released')}
        <button type="submit" className="button button--primary">
          Filter
        </button>
      </form>
      {first.state === 'loading' && <p role="status">Loading the audit trail…</p>}
      {first.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          {first.status === 400
            ? 'Check the filters: an action looks like subject.verb.'
            : `The audit trail could not be loaded (reference ${first.reference}).`}
        </p>
      )}
      {first.state === 'ready' && <AuditTable entries={items} />}
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
