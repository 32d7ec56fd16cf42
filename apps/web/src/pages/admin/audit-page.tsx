import { FormEvent, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { navigate } from '../../router/router';
import { useSession } from '../../session/session-context';
import { AuditHistory } from '../audit/audit-history';
import { actionInWords, KNOWN_ACTIONS } from '../audit/audit-wording';
import {
  AUDITED_SERVICES,
  AuditEntry,
  AuditFilters,
  AuditPage as AuditAnswer,
  auditPath,
  filtersFromQuery,
  filtersToQuery,
} from './audit-types';

/**
 * Admins read what staff did, in words: filter by account, actor (email or user id), action
 * and service. The filters live in the address (`?action=…`), so a filtered view can be
 * reloaded, bookmarked and sent to a colleague.
 */
export function AuditPage() {
  const { callWithSession } = useSession();
  const [applied, setApplied] = useState<AuditFilters>(() =>
    filtersFromQuery(window.location.search),
  );
  const [form, setForm] = useState<AuditFilters>(applied);
  const [first] = useApiResource<AuditAnswer>(auditPath(applied));
  const [more, setMore] = useState<{ items: AuditEntry[]; cursor: string | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (next: AuditFilters) => {
    setMore(null);
    setApplied(next);
    setForm(next);
    navigate(`/admin/audit${filtersToQuery(next)}`, { replace: true });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...form });
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

  const textField = (name: 'accountId' | 'actor', label: string, hint: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="field__input"
        name={name}
        value={form[name]}
        placeholder={hint}
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
      <form className="audit-filters" onSubmit={onSubmit} aria-label="Filter the audit trail">
        {textField('accountId', 'Account', 'account id')}
        {textField('actor', 'Staff member', 'email or user id')}
        <label className="field">
          <span className="field__label">Action</span>
          <select
            className="field__input"
            name="action"
            value={form.action}
            onChange={(event) => setForm({ ...form, action: event.target.value })}
          >
            <option value="">Any action</option>
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionInWords(action)}
              </option>
            ))}
            {form.action && !KNOWN_ACTIONS.includes(form.action) && (
              <option value={form.action}>{form.action}</option>
            )}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Service</span>
          <select
            className="field__input"
            name="service"
            value={form.service}
            onChange={(event) => setForm({ ...form, service: event.target.value })}
          >
            <option value="">Any service</option>
            {AUDITED_SERVICES.map((service) => (
              <option key={service} value={service}>
                {service}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary">
          Filter
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => apply({ accountId: '', actor: '', action: '', service: '' })}
        >
          Clear
        </button>
      </form>
      {first.state === 'loading' && <p role="status">Loading the audit trail…</p>}
      {first.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          {first.status === 400
            ? 'Check the filters: one of them is not valid.'
            : `The audit trail could not be loaded (reference ${first.reference}).`}
        </p>
      )}
      {first.state === 'ready' && <AuditHistory entries={items} label="Audit trail" showAccount />}
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
