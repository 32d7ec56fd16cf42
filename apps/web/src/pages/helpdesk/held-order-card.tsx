import { FormEvent, useState } from 'react';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { HoldExplanation } from '../orders/hold-explanation';
import { channelPhrase } from '../orders/order-channel';
import { OrderView } from '../orders/order-types';
import { actionProblem } from './action-problem';
import { ACCOUNT_PATH } from './helpdesk-types';
import { useCountryFormats } from '../../country/country-formats';
import { NoteForm } from '../../forms/note-form';

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
          {channelPhrase(order.channel, { helpdesk: 'the helpdesk', portal: 'the portal' })},{' '}
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
        <NoteForm
          id={`release-note-${id}`}
          label="Note for releasing (optional)"
          value={note}
          onChange={setNote}
          onSubmit={release}
          submitLabel="Release"
          tone="primary"
          busy={busy}
          maxLength={500}
        />
        <NoteForm
          id={`cancel-reason-${id}`}
          label="Reason for cancelling"
          value={reason}
          onChange={setReason}
          onSubmit={cancel}
          submitLabel="Cancel order"
          tone="danger"
          busy={busy}
          error={reasonError}
          maxLength={500}
        />
      </div>
    </article>
  );
}
