import { useApiResource } from '../../api/use-api-resource';
import { useSession } from '../../session/session-context';
import { AccountDevice } from '../customer/account-types';

/** The signed-in customer's machines (GET /api/accounts/{id}/devices) and the covered serials. */
export function useAccountDevices() {
  const { session } = useSession();
  const accountId = session?.user.accountId;
  const [devices] = useApiResource<{ items: AccountDevice[] }>(
    accountId ? `/api/accounts/${encodeURIComponent(accountId)}/devices` : null,
  );
  const covered =
    devices.state === 'ready'
      ? devices.data.items.filter((device) => device.covered).map((device) => device.serial)
      : [];
  return { accountId, devices, covered };
}
