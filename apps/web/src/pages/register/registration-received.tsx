import { useEffect, useRef } from 'react';
import { HelpdeskNumber } from '../../layout/helpdesk-number';
import { Link } from '../../router/router';

/** Shown after POST /api/registrations answered 202: what happens next, and when. */
export function RegistrationReceived({
  email,
  registrationId,
}: {
  email: string;
  registrationId: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);
  return (
    <section className="page page--narrow" aria-labelledby="received-title">
      <h1 id="received-title" ref={heading} tabIndex={-1}>
        We received your request
      </h1>
      <p className="page__lead">
        Thank you. A confirmation is on its way to <strong>{email}</strong>.
      </p>
      <h2>What happens next</h2>
      <ol className="steps">
        <li>
          We check each serial number: the device must be known to us, covered by a current Metered
          Supplies contract, installed in your country and not yet on another account.
        </li>
        <li>A registration validator reviews your request, usually within one business day.</li>
        <li>
          When it is approved we email you your login details: a link to set your password. The link
          works once and expires after 72 hours.
        </li>
      </ol>
      <p>
        If a device has no active contract, we tell you by email: supplies for it can be bought from
        our online store or an authorised partner.
      </p>
      <p className="field__hint">
        Reference: <code data-testid="registration-reference">{registrationId}</code>. Questions?
        Call the Supplies Helpdesk at <HelpdeskNumber />.
      </p>
      <p className="page__aside">
        <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
