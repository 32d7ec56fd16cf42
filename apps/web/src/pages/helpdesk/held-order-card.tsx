import { FormEvent, useState } from 'react';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { HoldExplanation } from '../orders/hold-explanation';
import { OrderView } from '../orders/order-types';
import { actionProblem } from './action-problem';
import { ACCOUNT_PATH } from './helpdesk-types';
import { useCountryFormats } from '../../country/country-formats';

/** A held order as staff read it: the account it belongs to. */
export type HeldOrder = OrderView & { accountId?: string; company?: string };

interface HeldOrderCardProps {
  order: HeldOrder;
  onDecided: (message: string) => void;
}

/** One held order: why it is held, its rows, and release (with a note) or cancel (with a reason). */
export function HeldOrderCard({ order, onDecided }: HeldOrderCardProps) {
  const { dateTime: formatDateTime } = useCountryFormats();
  const { callWithSession } = useSession();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = order.orderNumber;
  const path = `/api/orders/${encodeURIComponent(order.orderId)}`;

  const send = async (action: 'release' | 'cancel', body: object, done: string) => {
    setBusy(true);
    setProblem(null);
    const result = await callWithSession(`${path}/${action}`, { method: 'POST', body });
    setBusy(false);
    if (result.kind === 'ok') onDecided(done);
    else setProblem(actionProblem(result, action === 'release' ? 'Releasing' : 'Cancelling'));
  };

  const release = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send('release', note.trim() ? { note: note.trim() } : {}, `Released ${id}.`);
  };

  const cancel = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) return setReasonError('Enter the reason: it is emailed to the customer.');
    setReasonError(null);
    void send('cancel', { reason: reason.trim() }, `Cancelled ${id}.`);
  };

  return (
    <article className="registration" aria-labelledby={`held-${id}`} data-testid={`held-${id}`}>
      <header className="registration__header">
        <h2 id={`held-${id}`}>{id}</h2>
        <span className="badge badge--warn">Held for review</span>
      </header>
      <dl className="registration__facts">
        <dt>Account</dt>
        <dd>
          {order.accountId ? (
            <Link to={ACCOUNT_PATH(order.accountId)}>{order.company ?? order.accountId}</Link>
          ) : (
            (order.company ?? '—')
          )}
        </dd>
        <dt>Serial number</dt>
        <dd>
          <code>{order.serial}</code> {order.model?.name ?? ''}
        </dd>
        <dt>Placed</dt>
        <dd>
          {formatDateTime(order.placedAt)} via{' '}
          {order.channel === 'helpdesk' ? 'the helpdesk' : 'the portal'},{' '}
          {order.shippingMethod === 'expedited' ? 'expedited' : 'standard'} shipping
        </dd>
      </dl>
      <HoldExplanation order={order} />
      <table className="table" aria-label={`Rows of ${id}`}>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Full cartons onsite</th>
            <th scope="col">Bottles onsite</th>
            <th scope="col">Quantity</th>
          </tr>
        </thead>
        <tbody>
          {order.rows.map((row) => (
            <tr key={row.reorderNumber}>
              <td>
                {row.description ?? ''} <code>{row.reorderNumber}</code>
              </td>
              <td>{row.fullCartonsOnsite}</td>
              <td>{row.bottlesOnsite}</td>
              <td>{row.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <div className="registration__actions">
        <form className="registration__reject" noValidate onSubmit={release}>
          <label className="field__label" htmlFor={`release-note-${id}`}>
            Note for releasing (optional)
          </label>
          <textarea
            id={`release-note-${id}`}
            className="field__input"
            rows={2}
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            Release
          </button>
        </form>
        <form className="registration__reject" noValidate onSubmit={cancel}>
          <label className="field__label" htmlFor={`cancel-reason-${id}`}>
            Reason for cancelling
          </label>
          <textarea
            id={`cancel-reason-${id}`}
            className="field__input"
            rows={2}
            maxLength={500}
            value={reason}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `cancel-reason-${id}-error` : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {reasonError && (
            <p className="field__error" id={`cancel-reason-${id}-error`}>
              {reasonError}
            </p>
          )}
          <button type="submit" className="button button--danger" disabled={busy}>
            Cancel order
          </button>
        </form>
      </div>
    </article>
  );
}
