import { useApiResource } from '../../api/use-api-resource';
import { HelpdeskNumber } from '../../layout/helpdesk-number';
import { useSession } from '../../session/session-context';
import { AccountDevice, AccountView } from './account-types';
import { ShipToAddress } from './ship-to-address';

/**
 * The customer's "Order Supplies" home: the account's devices and whether each is covered by
 * a current contract, and the ship-to address. Placing orders comes with the ordering feature.
 */
export function CustomerHomePage() {
  const { session } = useSession();
  const accountId = session?.user.accountId;
  const base = accountId ? `/api/accounts/${encodeURIComponent(accountId)}` : null;
  const [account] = useApiResource<AccountView>(base);
  const [devices] = useApiResource<{ items: AccountDevice[] }>(base && `${base}/devices`);

  return (
    <section className="page" aria-labelledby="order-title">
      <h1 id="order-title">Order Supplies</h1>
      <p className="page__lead">
        {account.state === 'ready' ? `${account.data.company}: ` : ''}
        your devices and their Metered Supplies contracts.
      </p>
      <div className="notice" role="note">
        <p>
          Online orders ship standard. For expedited shipping call the Supplies Helpdesk at{' '}
          <HelpdeskNumber />.
        </p>
      </div>
      <h2 id="devices-title">Your devices</h2>
      {!accountId && <p>Your sign-in is not linked to a customer account.</p>}
      {devices.state === 'loading' && accountId && <p role="status">Loading your devices…</p>}
      {devices.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          Your devices could not be loaded (reference {devices.reference}). Try again in a few
          minutes.
        </p>
      )}
      {devices.state === 'ready' && <DeviceTable devices={devices.data.items} />}
      {account.state === 'ready' && <ShipToAddress account={account.data} />}
      {account.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          The ship-to address could not be loaded (reference {account.reference}).
        </p>
      )}
    </section>
  );
}

function DeviceTable({ devices }: { devices: AccountDevice[] }) {
  if (!devices.length) return <p>No devices are linked to your account yet.</p>;
  return (
    <table className="table" aria-labelledby="devices-title">
      <thead>
        <tr>
          <th scope="col">Serial number</th>
          <th scope="col">Model</th>
          <th scope="col">Contract</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.serial} data-testid={`device-${device.serial}`}>
            <td>
              <code>{device.serial}</code>
            </td>
            <td>{device.model?.name ?? device.model?.code ?? 'Unknown model'}</td>
            <td>
              {device.covered ? (
                <span className="badge badge--ok">
                  Covered{device.contract ? ` until ${device.contract.endsOn}` : ''}
                </span>
              ) : (
                <span className="badge badge--warn">
                  No active contract — buy supplies from our online store or an authorised partner
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
