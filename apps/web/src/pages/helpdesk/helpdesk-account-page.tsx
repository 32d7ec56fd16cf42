import { useEffect, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { findCountry, formatPrompts } from '../../config/countries';
import { Link } from '../../router/router';
import { AccountHistory } from './account-history';
import { AccountMachines } from './account-machines';
import { AccountOrders } from './account-orders';
import { AccountUsers } from './account-users';
import { HelpdeskNav } from './helpdesk-nav';
import { ACCOUNT_PATH, AccountSummary } from './helpdesk-types';
import { ShipToForm } from './ship-to-form';

/** Everything about one customer account an agent needs on the phone, and what they may change. */
export function HelpdeskAccountPage({ accountId }: { accountId: string }) {
  const [loaded, reload] = useApiResource<AccountSummary>(
    `/api/accounts/${encodeURIComponent(accountId)}`,
  );
  // The saved address answer replaces the loaded account, without a second read.
  const [account, setAccount] = useState<AccountSummary | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') setAccount(loaded.data);
  }, [loaded]);

  if (loaded.state === 'failed')
    return (
      <section className="page" aria-labelledby="account-title">
        <HelpdeskNav />
        <h1 id="account-title">Account not found</h1>
        <p className="notice notice--error" role="alert">
          {loaded.status === 404
            ? `There is no account ${accountId}.`
            : `The account could not be loaded (reference ${loaded.reference}).`}
        </p>
      </section>
    );
  if (!account) return <p role="status">Loading the account…</p>;

  const country = findCountry(account.country);
  return (
    <section className="page" aria-labelledby="account-title">
      <HelpdeskNav />
      <div className="page__title-row">
        <h1 id="account-title">{account.company}</h1>
        <Link to={`${ACCOUNT_PATH(account.accountId)}/order`} className="button button--primary">
          Place an order
        </Link>
      </div>
      <dl className="facts" data-testid="account-facts">
        <dt>Account</dt>
        <dd>
          <code>{account.accountId}</code>
        </dd>
        <dt>Country</dt>
        <dd>{country?.name ?? account.country}</dd>
        <dt>Helpdesk line</dt>
        <dd>
          {account.helpdesk?.phone ?? country?.helpdesk.phone ?? '—'}
          {country && formatPrompts(account.helpdesk ?? country.helpdesk)}
        </dd>
      </dl>
      <p className="account-links">
        <Link to={`${ACCOUNT_PATH(account.accountId)}/fleet`}>
          Fleet and replenishment settings
        </Link>{' '}
        · <Link to={`${ACCOUNT_PATH(account.accountId)}/agents`}>Data collection agents</Link>
      </p>
      <div className="helpdesk-columns">
        <section aria-labelledby="ship-to-edit-title">
          <h2 id="ship-to-edit-title">Ship-to address</h2>
          <ShipToForm key={account.accountId} account={account} onSaved={setAccount} />
        </section>
        <AccountUsers accountId={account.accountId} />
      </div>
      <AccountMachines accountId={account.accountId} onChanged={() => void reload()} />
      <AccountOrders accountId={account.accountId} />
      <AccountHistory accountId={account.accountId} />
    </section>
  );
}
