import { FormEvent, useEffect, useRef, useState } from 'react';
import { callApi } from '../../api/api-client';
import { groupFieldProblems } from '../../forms/field-errors';
import { TextField } from '../../forms/text-field';
import { HelpdeskNumber } from '../../layout/helpdesk-number';
import { Link } from '../../router/router';
import { PasswordRules } from './password-rules';

type Purpose = 'setup' | 'reset';

/** The two emailed links share one page: the first password (setup) and a new one (reset). */
const TEXT: Record<Purpose, { title: string; lead: string; endpoint: string; done: string }> = {
  setup: {
    title: 'Set your password',
    lead: 'Welcome to Metered Supplies. Choose the password for your online account.',
    endpoint: '/api/auth/password/setup',
    done: 'Your password is set.',
  },
  reset: {
    title: 'Choose a new password',
    lead: 'Choose a new password for your account. Signing in elsewhere ends when you change it.',
    endpoint: '/api/auth/password/reset',
    done: 'Your password has been changed.',
  },
};

/**
 * Links carry the token in the fragment (`#token=…`), which the browser never sends to a
 * server; links mailed before that carry `?token=…`. Both work, and the token is then taken
 * out of the address bar so it is neither in the history nor in a later Referer.
 */
function tokenFromAddress(): string {
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('token');
  const fromQuery = new URLSearchParams(window.location.search).get('token');
  const token = (fromFragment ?? fromQuery)?.trim() ?? '';
  if (fromFragment !== null || fromQuery !== null) {
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
  return token;
}

export function ChoosePasswordPage({ purpose }: { purpose: Purpose }) {
  const text = TEXT[purpose];
  const [token, setToken] = useState(tokenFromAddress);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string[]; confirmation?: string[] }>({});
  const [linkProblem, setLinkProblem] = useState(!token);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  // A link opened in the tab that shows this page only changes the fragment: no reload, so the
  // new token is read here and the page starts over with it.
  useEffect(() => {
    const onHashChange = () => {
      const next = tokenFromAddress();
      if (!next) return;
      setToken(next);
      setPassword('');
      setConfirmation('');
      setErrors({});
      setProblem(null);
      setDone(false);
      setLinkProblem(false);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const [submitting, setSubmitting] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    if (!password) {
      setErrors({ password: ['Enter a password.'] });
      return passwordRef.current?.focus();
    }
    if (password !== confirmation) {
      setErrors({ confirmation: ['The two passwords are not the same.'] });
      return confirmationRef.current?.focus();
    }
    setErrors({});
    setSubmitting(true);
    const result = await callApi<void>(text.endpoint, {
      method: 'POST',
      body: { token, password },
    });
    setSubmitting(false);
    if (result.kind === 'ok') return setDone(true);
    if (result.kind === 'http-error' && result.status === 400) {
      const fields = groupFieldProblems(result.body?.errors);
      if (fields.token) setLinkProblem(true);
      if (fields.password) {
        setErrors({ password: fields.password });
        passwordRef.current?.focus();
      }
      if (fields.token || fields.password) return;
    }
    setProblem(
      `Your password could not be saved right now (reference ${result.correlationId}). Try again in a few minutes.`,
    );
  };

  if (done) {
    return (
      <section className="page page--narrow" aria-labelledby="password-title">
        <h1 id="password-title">{text.done}</h1>
        <div className="notice" role="status">
          <p>You can now sign in with your email address and the new password.</p>
        </div>
        <p>
          <Link to="/login" className="button button--primary">
            Sign in
          </Link>
        </p>
      </section>
    );
  }

  return (
    <section className="page page--narrow" aria-labelledby="password-title">
      <h1 id="password-title">{text.title}</h1>
      <p className="page__lead">{text.lead}</p>
      {linkProblem && (
        <div className="notice notice--error" role="alert">
          <p>This link is invalid or has expired. Each link works once.</p>
          <p>
            {purpose === 'reset' ? (
              <Link to="/forgot-password">Request a new link</Link>
            ) : (
              <>
                Already set your password? <Link to="/login">Sign in</Link>. Otherwise{' '}
                <Link to="/forgot-password">request a new link</Link> or call the Supplies Helpdesk
                at <HelpdeskNumber />.
              </>
            )}
          </p>
        </div>
      )}
      {problem && (
        <div className="notice notice--error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {token && (
        <form className="form" noValidate onSubmit={onSubmit} aria-label={text.title}>
          <TextField
            ref={passwordRef}
            id="new-password"
            label="New password"
            type="password"
            autoComplete="new-password"
            aria-describedby="new-password-rules"
            value={password}
            error={errors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <PasswordRules password={password} id="new-password-rules" />
          <TextField
            ref={confirmationRef}
            id="confirm-password"
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            value={confirmation}
            error={errors.confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={submitting}>
              {submitting ? 'Saving…' : 'Save password'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
