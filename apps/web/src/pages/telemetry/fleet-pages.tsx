import { useApiResource } from '../../api/use-api-resource';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { HelpdeskNav } from '../helpdesk/helpdesk-nav';
import { ACCOUNT_PATH, AccountSummary } from '../helpdesk/helpdesk-types';
import { customerScope, helpdeskScope } from './account-scope';
import { AgentsPanel } from './agents-panel';
import { FleetOverview } from './fleet-view';

/** "My fleet" (customers): their devices as the agents report them, and the settings. */
export function FleetPage() {
  const { session } = useSession();
  return (
    <section className="page" aria-labelledby="fleet-title">
      <div className="page__title-row">
        <h1 id="fleet-title">My fleet</h1>
        <Link to="/order">Order Supplies</Link>
      </div>
      <p className="page__lead">
        Supply levels and days to empty of your machines, from what your data collection agents
        report. Devices that have gone quiet come first.
      </p>
      {session?.user.accountId ? (
        <FleetOverview scope={customerScope()} />
      ) : (
        <p>Your sign-in is not linked to a customer account.</p>
      )}
    </section>
  );
}

/** "Data collection agents" (customers): their own account's agents. */
export function AgentsPage() {
  const { session } = useSession();
  return (
    <section className="page" aria-labelledby="agents-page-title">
      <div className="page__title-row">
        <h1 id="agents-page-title">Data collection agents</h1>
        <Link to="/fleet">My fleet</Link>
      </div>
      <p className="page__lead">
        An agent runs at your site, reads your printers’ supply levels and page counters and sends
        them to us, so we can tell you when supplies will run out.
      </p>
      {session?.user.accountId ? (
        <AgentsPanel scope={customerScope()} />
      ) : (
        <p>Your sign-in is not linked to a customer account.</p>
      )}
    </section>
  );
}

/** The helpdesk's view of one account's fleet and replenishment settings. */
export function HelpdeskFleetPage({ accountId }: { accountId: string }) {
  const company = useCompany(accountId);
  return (
    <section className="page" aria-labelledby="helpdesk-fleet-title">
      <HelpdeskNav />
      <div className="page__title-row">
        <h1 id="helpdesk-fleet-title">Fleet of {company}</h1>
        <Link to={ACCOUNT_PATH(accountId)}>Back to the account</Link>
      </div>
      <FleetOverview scope={helpdeskScope(accountId)} />
    </section>
  );
}

/** The helpdesk's view of one account's agents: set one up on the phone, revoke a lost one. */
export function HelpdeskAgentsPage({ accountId }: { accountId: string }) {
  const company = useCompany(accountId);
  return (
    <section className="page" aria-labelledby="helpdesk-agents-title">
      <HelpdeskNav />
      <div className="page__title-row">
        <h1 id="helpdesk-agents-title">Agents of {company}</h1>
        <Link to={ACCOUNT_PATH(accountId)}>Back to the account</Link>
      </div>
      <AgentsPanel scope={helpdeskScope(accountId)} />
    </section>
  );
}

function useCompany(accountId: string): string {
  const [account] = useApiResource<AccountSummary>(
    `/api/accounts/${encodeURIComponent(accountId)}`,
  );
  return account.state === 'ready' ? account.data.company : 'the account';
}
