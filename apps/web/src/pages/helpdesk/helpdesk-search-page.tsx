import { FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { findCountry } from '../../config/countries';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { AccountHit, searchAccounts, SearchOutcome } from './account-search';
import { HelpdeskNav } from './helpdesk-nav';
import { ACCOUNT_PATH } from './helpdesk-types';

type SearchState = { kind: 'idle' } | { kind: 'searching' } | SearchOutcome;

/** The console's start: one box for a company, an email, a serial or an order number. */
export function HelpdeskSearchPage() {
  const { callWithSession } = useSession();
  const [query, setQuery] = useState(
    () => new URLSearchParams(window.location.search).get('q') ?? '',
  );
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<SearchState>({ kind: 'idle' });
  // Only the newest search may fill the list.
  const generation = useRef(0);

  const run = useCallback(
    async (text: string) => {
      const mine = ++generation.current;
      setResult({ kind: 'searching' });
      const outcome = await searchAccounts(callWithSession, text);
      if (mine === generation.current) setResult(outcome);
    },
    [callWithSession],
  );

  // A search kept in the address (back from an account page, a shared link) runs again.
  useEffect(() => {
    const initial = new URLSearchParams(window.location.search).get('q');
    if (initial?.trim()) void run(initial);
  }, [run]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = query.trim();
    if (text.length < 2) {
      setError('Enter at least two characters: a company, an email, a serial or an order number.');
      return;
    }
    setError(null);
    window.history.replaceState(null, '', `/helpdesk?q=${encodeURIComponent(text)}`);
    void run(text);
  };

  return (
    <section className="page" aria-labelledby="helpdesk-title">
      <HelpdeskNav />
      <h1 id="helpdesk-title">Find an account</h1>
      <form className="helpdesk-search" role="search" noValidate onSubmit={onSubmit}>
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="helpdesk-query">
            Company, email, serial or order number
          </label>
          <input
            id="helpdesk-query"
            className="field__input"
            type="search"
            autoComplete="off"
            value={query}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'helpdesk-query-error' : 'helpdesk-query-hint'}
            onChange={(event) => setQuery(event.target.value)}
          />
          <p className="field__hint" id="helpdesk-query-hint">
            Part of a company name, a user’s full email address, a whole serial number, or an order
            number like MS-260127-ACD3F9.
          </p>
          {error && (
            <p className="field__error" id="helpdesk-query-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary">
          Search
        </button>
      </form>
      <SearchResults result={result} />
    </section>
  );
}

function SearchResults({ result }: { result: SearchState }) {
  if (result.kind === 'idle') return null;
  if (result.kind === 'searching') return <p role="status">Searching…</p>;
  if (result.kind === 'failed')
    return (
      <p className="notice notice--error" role="alert">
        {result.message}
      </p>
    );
  if (!result.hits.length)
    return (
      <p role="status" data-testid="search-empty">
        {result.note ?? 'No account matches. Check the spelling, or try a serial number.'}
      </p>
    );
  return (
    <table className="table" aria-label="Accounts found" data-testid="search-results">
      <thead>
        <tr>
          <th scope="col">Company</th>
          <th scope="col">Country</th>
          <th scope="col">Ship-to city</th>
          <th scope="col">Serial numbers</th>
        </tr>
      </thead>
      <tbody>
        {result.hits.map((hit: AccountHit) => (
          <tr key={hit.accountId} data-testid={`account-${hit.accountId}`}>
            <td>
              <Link to={ACCOUNT_PATH(hit.accountId)}>{hit.company}</Link>
              {hit.matchedBy && <span className="field__hint"> — by {hit.matchedBy}</span>}
            </td>
            <td>{findCountry(hit.country)?.name ?? hit.country}</td>
            <td>{hit.shipTo?.city ?? '—'}</td>
            <td>
              {hit.serials.length
                ? hit.serials.map((serial) => <code key={serial}>{serial} </code>)
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
