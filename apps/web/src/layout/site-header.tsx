import { Link, navigate, usePathname } from '../router/router';
import { findRoute } from '../routes';
import { hasAnyRole, SessionUser } from '../session/session';
import { useSession } from '../session/session-context';
import { CountryPicker } from './country-picker';

interface NavItem {
  to: string;
  label: string;
}

/** Staff tools, shown to those whose role opens them once their page is in the route table. */
const STAFF_ITEMS: NavItem[] = [
  { to: '/validator', label: 'Registration requests' },
  { to: '/helpdesk', label: 'Helpdesk' },
  { to: '/ops', label: 'Operations' },
  { to: '/admin/audit', label: 'Audit trail' },
];

/** What the signed-in user can reach; "Order Supplies" stays first (upper left) for customers. */
function navItemsFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [];
  if (user.roles.includes('customer')) {
    items.push({ to: '/order', label: 'Order Supplies' });
    items.push({ to: '/orders', label: 'My orders' });
    items.push({ to: '/fleet', label: 'My fleet' });
    items.push({ to: '/requests/machines', label: 'Add machines' });
    items.push({ to: '/account', label: 'My account' });
  }
  for (const item of STAFF_ITEMS) {
    const roles = findRoute(item.to)?.route.roles;
    if (roles && hasAnyRole(user, roles)) items.push(item);
  }
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
      <nav className="site-header__nav" aria-label="Main">
        {session &&
          navItemsFor(session.user).map((item) => (
            <Link
              key={item.to}
              to={item.to}
              className="site-header__nav-link"
              aria-current={isCurrent(pathname, item.to) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          ))}
        <Link
          to="/faq"
          className="site-header__nav-link"
          aria-current={pathname === '/faq' ? 'page' : undefined}
        >
          FAQ
        </Link>
      </nav>
    </header>
  );
}

/** A page below a tool (an order, a helpdesk account) belongs under that tool in the navigation. */
function isCurrent(pathname: string, to: string): boolean {
  if (pathname === to) return true;
  if (to === '/fleet' && pathname === '/agents') return true;
  return ['/orders', '/helpdesk'].includes(to) && pathname.startsWith(`${to}/`);
}
