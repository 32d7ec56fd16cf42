import { Link, usePathname } from '../../router/router';

const LINKS = [
  { to: '/helpdesk', label: 'Find an account' },
  { to: '/helpdesk/requests', label: 'Customer requests' },
  { to: '/helpdesk/held', label: 'Held orders' },
];

/** The console's own tabs, above each helpdesk page. */
export function HelpdeskNav() {
  const pathname = usePathname();
  return (
    <nav className="helpdesk-nav" aria-label="Helpdesk">
      {LINKS.map((link) => (
        <Link
          key={link.to}
          to={link.to}
          className="helpdesk-nav__link"
          aria-current={pathname === link.to ? 'page' : undefined}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
