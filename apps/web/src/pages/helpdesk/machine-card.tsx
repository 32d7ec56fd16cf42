import { FormEvent, useState } from 'react';
import { ApiResult } from '../../api/api-client';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { NO_CONTRACT_ADVICE } from '../orders/serial-picker';
import { actionProblem } from './action-problem';
import { ACCOUNT_PATH, MachineView } from './helpdesk-types';

interface MachineCardProps {
  accountId: string;
  machine: MachineView;
  /** Something changed: reload the machines and say what. */
  onChanged: (message: string) => void;
}

/** One machine: contract and coverage, its supply items (add, remove), removal with a reason. */
export function MachineCard({ accountId, machine, onChanged }: MachineCardProps) {
  const { callWithSession } = useSession();
  const { serial } = machine;
  const base = `/api/accounts/${encodeURIComponent(accountId)}/devices/${encodeURIComponent(serial)}`;
  const [reorderNumber, setReorderNumber] = useState('');
  const [removeReason, setRemoveReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = machine.supplyItems ?? [];

  const act = async (
    call: () => Promise<ApiResult<unknown>>,
    what: string,
    done: string,
  ): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    const result = await call();
    setBusy(false);
    if (result.kind === 'ok') {
      onChanged(done);
      return true;
    }
    setProblem(actionProblem(result, what));
    return false;
  };

  const addItem = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = reorderNumber.trim().toUpperCase();
    if (!value) return setProblem('Enter the reorder number of the item to add.');
    const ok = await act(
      () =>
        callWithSession(`${base}/supply-items`, { method: 'POST', body: { reorderNumber: value } }),
      'Adding the item',
      `Added ${value} to ${serial}.`,
    );
    if (ok) setReorderNumber('');
  };

  const removeItem = (value: string) =>
    void act(
      () =>
        callWithSession(`${base}/supply-items/${encodeURIComponent(value)}`, { method: 'DELETE' }),
      'Removing the item',
      `Removed ${value} from ${serial}.`,
    );

  const removeMachine = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = removeReason.trim();
    if (!reason)
      return setProblem('Enter why the machine is removed: it is kept in the audit trail.');
    await act(
      () => callWithSession(base, { method: 'DELETE', body: { reason } }),
      'Removing the machine',
      `Removed ${serial} from the account.`,
    );
  };

  return (
    <article
      className="machine"
      aria-labelledby={`machine-${serial}`}
      data-testid={`machine-${serial}`}
    >
      <header className="machine__header">
        <h3 id={`machine-${serial}`}>
          <code>{serial}</code> {machine.model?.name ?? machine.model?.code ?? ''}
        </h3>
        {machine.covered ? (
          <span className="badge badge--ok">Covered until {machine.contract?.endsOn ?? '—'}</span>
        ) : (
          <span className="badge badge--warn">Not covered</span>
        )}
        {machine.covered && (
          <Link to={`${ACCOUNT_PATH(accountId)}/order?serial=${encodeURIComponent(serial)}`}>
            Place an order for {serial}
          </Link>
        )}
      </header>
      <p className="field__hint">
        Contract{' '}
        {machine.contract
          ? `${machine.contract.contractId}: ${machine.contract.status}, ${machine.contract.startsOn} – ${machine.contract.endsOn}`
          : 'none'}
        {!machine.covered && ` — ${NO_CONTRACT_ADVICE}.`}
      </p>
      <table className="table" aria-label={`Supply items of ${serial}`}>
        <thead>
          <tr>
            <th scope="col">Reorder number</th>
            <th scope="col">Item</th>
            <th scope="col">Per carton</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.reorderNumber} data-testid={`item-${serial}-${item.reorderNumber}`}>
              <td>
                <code>{item.reorderNumber}</code>
              </td>
              <td>{item.description ?? '—'}</td>
              <td>{item.bottlesPerCarton ?? '—'}</td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  aria-label={`Remove ${item.reorderNumber} from ${serial}`}
                  onClick={() => removeItem(item.reorderNumber)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
          {!items.length && (
            <tr>
              <td colSpan={4}>No supply items are listed for this machine.</td>
            </tr>
          )}
        </tbody>
      </table>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <div className="machine__actions">
        <form className="inline-form" noValidate onSubmit={(event) => void addItem(event)}>
          <label className="field__label" htmlFor={`add-item-${serial}`}>
            Add an item to {serial}
          </label>
          <input
            id={`add-item-${serial}`}
            className="field__input"
            placeholder="Reorder number"
            value={reorderNumber}
            onChange={(event) => setReorderNumber(event.target.value)}
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            Add item
          </button>
        </form>
        <form className="inline-form" noValidate onSubmit={(event) => void removeMachine(event)}>
          <label className="field__label" htmlFor={`remove-reason-${serial}`}>
            Reason for removing {serial}
          </label>
          <input
            id={`remove-reason-${serial}`}
            className="field__input"
            maxLength={500}
            value={removeReason}
            onChange={(event) => setRemoveReason(event.target.value)}
          />
          <button type="submit" className="button button--danger" disabled={busy}>
            Remove machine
          </button>
        </form>
      </div>
    </article>
  );
}
