import { HelpdeskNumber } from '../layout/helpdesk-number';
import { Link } from '../router/router';

/** Placeholder until online registration is built; says what registering will ask for. */
export function RegisterPage() {
  return (
    <section className="page page--narrow" aria-labelledby="register-title">
      <h1 id="register-title">Register for an online account</h1>
      <p className="page__lead">
        With a Metered Supplies contract covering your devices you can order supplies online at any
        time.
      </p>
      <p>To register you will give:</p>
      <ul>
        <li>your company and contact details,</li>
        <li>your country and ship-to address,</li>
        <li>the serial numbers of the devices you want to order supplies for.</li>
      </ul>
      <p>We validate each request and email you a link to set your password.</p>
      <div className="notice notice--info" role="note">
        <p>
          Online registration is not available yet. Until it is, call the Supplies Helpdesk at{' '}
          <HelpdeskNumber />.
        </p>
      </div>
      <p className="page__aside">
        Already registered? <Link to="/login">Sign in</Link>
      </p>
    </section>
  );
}
