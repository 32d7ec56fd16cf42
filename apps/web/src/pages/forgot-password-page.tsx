import { HelpdeskNumber } from '../layout/helpdesk-number';
import { Link } from '../router/router';

/** Placeholder until password reset is built: it will email a single-use, expiring link. */
export function ForgotPasswordPage() {
  return (
    <section className="page page--narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      <p className="page__lead">
        Enter the email address of your account and we will email you a link to choose a new
        password.
      </p>
      <div className="notice notice--info" role="note">
        <p>
          Password reset is not available online yet. Call the Supplies Helpdesk at{' '}
          <HelpdeskNumber /> for help.
        </p>
      </div>
      <p className="page__aside">
        Remembered it? <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
