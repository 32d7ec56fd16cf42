import { FormEvent, useRef, useState } from 'react';
import { callApi } from '../../api/api-client';
import { groupFieldProblems } from '../../forms/field-errors';
import { TextField } from '../../forms/text-field';
import { HelpdeskNumber } from '../../layout/helpdesk-number';
import { Link } from '../../router/router';

/**
 * Asks identity to email a reset link. The answer never says whether the address has an
 * account (POST /api/auth/password/forgot answers the same either way), and neither does this page.
 */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string[] | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const address = email.trim();
    if (!address) {
      setError(['Enter your email address.']);
      return emailRef.current?.focus();
    }
    setError(undefined);
    setSubmitting(true);
    const result = await callApi<{ message?: string }>('/api/auth/password/forgot', {
      method: 'POST',
      body: { email: address },
    });
    setSubmitting(false);
    if (result.kind === 'ok' || (result.kind === 'http-error' && result.status === 429)) {
      setSentTo(address);
    } else if (result.kind === 'http-error' && result.status === 400) {
      setError(groupFieldProblems(result.body?.errors).email ?? ['Enter a valid email address.']);
      emailRef.current?.focus();
    } else {
      setProblem(
        `We could not send the link right now (reference ${result.correlationId}). Try again in a few minutes.`,
      );
    }
  };

  if (sentTo) {
    return (
      <section className="page page--narrow" aria-labelledby="forgot-title">
        <h1 id="forgot-title">Check your email</h1>
        <div className="notice" role="status">
          <p>
            If <strong>{sentTo}</strong> belongs to an active account, we have sent it a link to
            choose a new password. The link works once and expires after 1 hour.
          </p>
          <p>No email after a few minutes? Check your spam folder or request a new link.</p>
        </div>
        <p className="page__aside">
          <Link to="/login">Back to sign in</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="page page--narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      <p className="page__lead">
        Enter the email address of your account and we will email you a link to choose a new
        password.
      </p>
      {problem && (
        <div className="notice notice--error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <form className="form" noValidate onSubmit={onSubmit} aria-label="Reset your password">
        <TextField
          ref={emailRef}
          id="forgot-email"
          label="Email address"
          type="email"
          autoComplete="username"
          value={email}
          error={error}
          onChange={(event) => setEmail(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? 'Sending…' : 'Email me a link'}
          </button>
        </div>
      </form>
      <p className="page__aside">
        Remembered it? <Link to="/login">Back to sign in</Link>. No access to that mailbox any more?
        Call the Supplies Helpdesk at <HelpdeskNumber />.
      </p>
    </section>
  );
}
