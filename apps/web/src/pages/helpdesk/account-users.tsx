import { useApiResource } from '../../api/use-api-resource';
import { HelpdeskUserView } from './helpdesk-types';
import { useCountryFormats } from '../../country/country-formats';

/** The account's users (identity's GET /api/users?accountId=). */
export function AccountUsers({ accountId }: { accountId: string }) {
  const { date: formatDate } = useCountryFormats();
  const [users] = useApiResource<{ items: HelpdeskUserView[] }>(
    `/api/users?accountId=${encodeURIComponent(accountId)}`,
  );
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      {users.state === 'loading' && <p role="status">Loading the users…</p>}
      {users.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          The users could not be loaded (reference {users.reference}).
        </p>
      )}
      {users.state === 'ready' && (
        <table className="table" aria-label="Users of the account">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <tr key={user.userId}>
                <td>{user.email}</td>
                <td>{user.name ?? '—'}</td>
                <td>{user.status}</td>
                <td>{formatDate(user.createdAt)}</td>
              </tr>
            ))}
            {!users.data.items.length && (
              <tr>
                <td colSpan={4}>No users.</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
