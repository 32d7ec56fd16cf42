import { Link } from '../router/router';
import { homePathFor } from '../session/session';
import { useSession } from '../session/session-context';

/** A signed-in user opened a page of another role (e.g. a customer at /validator). */
export function NotPermittedPage() {
  const { session } = useSession();
  return (
    <section className="page page--narrow" aria-labelledby="not-permitted-title">
      <h1 id="not-permitted-title">Not available for your account</h1>
      <p>This page is for other kinds of users of the portal.</p>
      <p>
        <Link to={session ? homePathFor(session.user) : '/login'}>Go to your start page</Link>
      </p>
    </section>
  );
}
