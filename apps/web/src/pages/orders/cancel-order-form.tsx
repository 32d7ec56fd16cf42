import { FormEvent, useState } from 'react';
import { groupFieldProblems } from '../../forms/field-errors';
import { useSession } from '../../session/session-context';
import { OrderView } from './order-types';

interface CancelOrderFormProps {
  order: OrderView;
  onCancelled: () => void;
}

/** Cancel a placed or held order, giving a reason the helpdesk and the ERP system see. */
export function CancelOrderForm({ order, onCancelled }: CancelOrderFormProps) {
  const { callWithSession } = useSession();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    if (!reason.trim()) {
      setError('Tell us why you cancel the order.');
      return;
    }
    setError(null);
    setSending(true);
    const result = await callWithSession<OrderView>(
      `/api/orders/${encodeURIComponent(order.orderId)}/cancel`,
      { method: 'POST', body: { reason: reason.trim() } },
    );
    setSending(false);
    if (result.kind === 'ok') {
      onCancelled();
      return;
    }
    if (result.kind === 'http-error' && result.body?.errors?.length) {
      setError(Object.values(groupFieldProblems(result.body.errors)).flat().join(' '));
    } else if (result.kind === 'http-error' && result.status === 409) {
      setError(
        'This order can no longer be cancelled: it has moved on. Reload the page to see it.',
      );
    } else {
      setError(`The order could not be cancelled right now (reference ${result.correlationId}).`);
    }
  };

  return (
    <form className="cancel-order" noValidate onSubmit={onSubmit} aria-label="Cancel order">
      <h2>Cancel this order</h2>
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor="cancel-reason">
          Reason for cancelling
        </label>
        <textarea
          id="cancel-reason"
          className="field__input"
          rows={2}
          maxLength={500}
          value={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'cancel-reason-error' : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {error && (
          <p className="field__error" id="cancel-reason-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button button--danger" disabled={sending}>
        {sending ? 'Cancelling…' : 'Cancel order'}
      </button>
    </form>
  );
}
