import { FormEvent, useRef, useState } from 'react';
import { callApi } from '../api/api-client';
import { TextField } from '../forms/text-field';
import { HelpdeskNumber } from '../layout/helpdesk-number';
import { Link } from '../router/router';
import { sessionOf } from '../session/session';
import { useSession } from '../session/session-context';
import { interpretLoginResult, LoginFieldErrors, validateLogin } from './login-form';

export function LoginPage() {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<LoginFieldErrors>({});
  const [problem, setProblem] = useState<{ message: string; offerHelpdesk: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const showFieldErrors = (errors: LoginFieldErrors) => {
    setFieldErrors(errors);
    (errors.email ? emailRef : passwordRef).current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const errors = validateLogin({ email, password });
    if (Object.keys(errors).length) return showFieldErrors(errors);
    setFieldErrors({});
    setSubmitting(true);
    const result = await callApi<unknown>('/api/auth/login', {
      method: 'POST',
      body: { email: email.trim(), password },
    });
    setSubmitting(false);
    const outcome = interpretLoginResult(result);
    if (outcome.kind === 'signed-in') signIn(sessionOf(outcome.answer));
    else if (outcome.kind === 'field-errors') showFieldErrors(outcome.errors);
    else setProblem(outcome);
  };

  return (
    <section className="page page--narrow" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      <p className="page__lead">
        Order supplies for your devices covered by a Metered Supplies contract, 24 hours a day, 7
        days a week.
      </p>
      {problem && (
        <div className="notice notice--error" role="alert">
          <p>{problem.message}</p>
          {problem.offerHelpdesk && (
            <p>
              To order supplies now, call the Supplies Helpdesk at <HelpdeskNumber />.
            </p>
          )}
        </div>
      )}
      <form className="form" noValidate onSubmit={onSubmit} aria-label="Sign in">
        <TextField
          ref={emailRef}
          id="login-email"
          label="Email address"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          error={fieldErrors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          ref={passwordRef}
          id="login-password"
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          error={fieldErrors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? 'Signing in…' : 'Sign in'}
          </button>
          <Link to="/forgot-password">Forgot your password?</Link>
        </div>
      </form>
      <p className="page__aside">
        No online account yet? <Link to="/register">Register</Link> with the serial numbers of your
        devices.
      </p>
    </section>
  );
}
