import { Link } from '../router/router';
import { hasAnyRole } from '../session/session';
import { useSession } from '../session/session-context';

/** Home of signed-in users without a customer account or validator rights (helpdesk, ops). */
export function StaffHomePage() {
  const { session } = useSession();
  if (!session) return null;
  const { user } = session;
  return (
    <section className="page page--narrow" aria-labelledby="home-title">
      <h1 id="home-title">Welcome, {user.name || user.email}</h1>
      <p className="page__lead">
        You are signed in as {user.email} ({user.roles.join(', ')}).
      </p>
      {hasAnyRole(user, ['validator', 'admin']) && (
        <p>
          <Link to="/validator">Review registration requests</Link>
        </p>
      )}
      {hasAnyRole(user, ['helpdesk', 'admin']) && (
        <ul className="staff-links" aria-label="Helpdesk console">
          <li>
            <Link to="/helpdesk">Find a customer account</Link>
          </li>
          <li>
            <Link to="/helpdesk/requests">Customer requests</Link>
          </li>
          <li>
            <Link to="/helpdesk/held">Held orders</Link>
          </li>
        </ul>
      )}
      {hasAnyRole(user, ['ops', 'admin']) && (
        <ul className="staff-links" aria-label="Operations">
          <li>
            <Link to="/ops">Operations dashboard</Link>
          </li>
          {hasAnyRole(user, ['admin']) && (
            <li>
              <Link to="/admin/audit">Audit trail</Link>
            </li>
          )}
        </ul>
      )}
      <p>The tools for your role will appear here as they become available.</p>
    </section>
  );
}
