import { Link, navigate, usePathname } from '../router/router';
import { useSession } from '../session/session-context';
import { CountryPicker } from './country-picker';

export function SiteHeader() {
  const { session, signOut } = useSession();
  const pathname = usePathname();
  const onSignOut = () => {
    signOut();
    navigate('/login');
  };
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="site-header__brand">
          <span className="site-header__brand-mark" aria-hidden="true" />
          Metered Supplies
        </Link>
        <div className="site-header__tools">
          <CountryPicker />
          {session && (
            <button type="button" className="link-button site-header__sign-out" onClick={onSignOut}>
              Sign out
            </button>
          )}
        </div>
      </div>
      {session && (
        <nav className="site-header__nav" aria-label="Main">
          <Link
            to="/order"
            className="site-header__nav-link"
            aria-current={pathname === '/order' ? 'page' : undefined}
          >
            Order Supplies
          </Link>
        </nav>
      )}
    </header>
  );
}
