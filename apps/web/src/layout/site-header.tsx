import { Link, navigate, usePathname } from '../router/router';
import { hasAnyRole, SessionUser } from '../session/session';
import { useSession } from '../session/session-context';
import { CountryPicker } from './country-picker';

interface NavItem {
  to: string;
  label: string;
}

/** What the signed-in user can reach; "Order Supplies" stays first (upper left) for customers. */
function navItemsFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [];
  if (user.roles.includes('customer')) {
    items.push({ to: '/order', label: 'Order Supplies' });
    items.push({ to: '/orders', label: 'My orders' });
  }
  if (hasAnyRole(user, ['validator', 'admin']))
    items.push({ to: '/validator', label: 'Registration requests' });
  if (!items.length) items.push({ to: '/home', label: 'Home' });
  return items;
}

export function SiteHeader() {
  const { session, signOut } = useSession();
  const pathname = usePathname();
  const onSignOut = async () => {
    await signOut();
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
            <>
              <span className="site-header__user" data-testid="signed-in-user">
                {session.user.name || session.user.email}
              </span>
              <button
                type="button"
                className="link-button site-header__sign-out"
                onClick={() => void onSignOut()}
              >
                Sign out
              </button>
            </>
          )}
        </div>
      </div>
      {session && (
        <nav className="site-header__nav" aria-label="Main">
          {navItemsFor(session.user).map((item) => (
            <Link
              key={item.to}
              to={item.to}
              className="site-header__nav-link"
              aria-current={isCurrent(pathname, item.to) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>
      )}
    </header>
  );
}

/** An order's own page belongs under "My orders" in the navigation. */
function isCurrent(pathname: string, to: string): boolean {
  return pathname === to || (to === '/orders' && pathname.startsWith('/orders/'));
}
