import { Link } from '../router/router';

export function NotFoundPage() {
  return (
    <section className="page page--narrow" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>This address does not match a page of the portal.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  );
}
