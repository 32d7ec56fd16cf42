import { useCountry } from '../country/country-context';
import { Link } from '../router/router';
import { useSession } from '../session/session-context';
import { StatusWidget } from '../status/status-widget';
import { HelpdeskNumber } from './helpdesk-number';

export function SiteFooter() {
  const { country } = useCountry();
  const { session } = useSession();
  // Staff are the helpdesk: their pages show the customer's line where it matters, and a
  // second number in the footer would be one contact too many.
  const staffOnly = session && !session.user.roles.includes('customer');
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        {!staffOnly && (
          <p className="site-footer__helpdesk" data-testid="footer-helpdesk">
            Supplies Helpdesk ({country.name}): <HelpdeskNumber />
          </p>
        )}
        <p className="site-footer__note">
          Call the helpdesk for expedited shipping, address changes, more machines or items not
          listed. <Link to="/faq">Questions and answers</Link>
        </p>
        <StatusWidget />
      </div>
    </footer>
  );
}
