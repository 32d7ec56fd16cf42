import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { Link } from '../../router/router';
import { AccountDevice } from '../customer/account-types';
import { HoldExplanation } from '../orders/hold-explanation';
import { OrderProblems } from '../orders/order-problems';
import {
  countOrderProblems,
  NO_ORDER_ERRORS,
  OrderErrors,
  OrderRowDraft,
  prepareOrder,
} from '../orders/order-form';
import { SerialItemsSection } from '../orders/serial-items-section';
import { OrderStatusBadge } from '../orders/order-status';
import { CatalogSerial, OrderView } from '../orders/order-types';
import { serialChoices } from '../orders/serial-choices';
import { SerialPicker } from '../orders/serial-picker';
import { HelpdeskNav } from './helpdesk-nav';
import { HelpdeskShipping } from './helpdesk-shipping';
import { ACCOUNT_PATH, AccountSummary, formatShipTo } from './helpdesk-types';
import { ShippingChoice, useHelpdeskOrder } from './use-helpdesk-order';

/**
 * An order placed by the helpdesk on behalf of a customer: the Order Supplies form for any of
 * the account's covered serials, with expedited shipping available. Ordering records the
 * channel `helpdesk` and the agent.
 */
export function HelpdeskOrderPage({ accountId }: { accountId: string }) {
  const encoded = encodeURIComponent(accountId);
  const [account] = useApiResource<AccountSummary>(`/api/accounts/${encoded}`);
  const [devices] = useApiResource<{ items: AccountDevice[] }>(`/api/accounts/${encoded}/devices`);
  const [catalog, reloadCatalog] = useApiResource<{ items: CatalogSerial[] }>(
    `/api/orders/catalog/serials?accountId=${encoded}`,
  );
  const [serial, setSerial] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('serial'),
  );
  const [rows, setRows] = useState<OrderRowDraft[]>([]);
  const [shipping, setShipping] = useState<ShippingChoice>('standard');
  const [errors, setErrors] = useState<OrderErrors>(NO_ORDER_ERRORS);
  const [problem, setProblem] = useState<string | null>(null);
  const [placed, setPlaced] = useState<OrderView | null>(null);
  const { place, sending } = useHelpdeskOrder();
  const summaryRef = useRef<HTMLDivElement>(null);

  const choices = useMemo(
    () =>
      serialChoices(
        catalog.state === 'ready' ? catalog.data.items : null,
        devices.state === 'ready' ? devices.data.items : null,
      ),
    [catalog, devices],
  );
  const current = choices.find((choice) => choice.serial === serial && choice.orderable);

  const chooseSerial = (next: string) => {
    if (next === serial) return;
    // The agent is on the phone: switching serial simply starts the rows again.
    setSerial(next);
    setRows([]);
    setErrors(NO_ORDER_ERRORS);
    setProblem(null);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!current || sending) return;
    setProblem(null);
    const prepared = prepareOrder(current.serial, rows);
    setErrors(prepared.errors);
    if (countOrderProblems(prepared.errors) === 0) {
      const body = { ...prepared.body, accountId, shippingMethod: shipping };
      const outcome = await place(
        body,
        rows.map((row) => row.key),
      );
      if (!outcome) return;
      if (outcome.kind === 'placed') {
        setPlaced(outcome.order);
        setRows([]);
        return;
      }
      if (outcome.kind === 'invalid') setErrors(outcome.errors);
      else setProblem(outcome.message);
      if (outcome.kind === 'refused' && outcome.contractEnded) void reloadCatalog();
    }
    window.requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const company = account.state === 'ready' ? account.data.company : accountId;
  return (
    <section className="page" aria-labelledby="helpdesk-order-title">
      <HelpdeskNav />
      <div className="page__title-row">
        <h1 id="helpdesk-order-title">Order for {company}</h1>
        <Link to={ACCOUNT_PATH(accountId)}>Back to the account</Link>
      </div>
      {placed ? (
        <HelpdeskOrderConfirmation order={placed} onOrderMore={() => setPlaced(null)} />
      ) : (
        <>
          <OrderProblems ref={summaryRef} problem={problem} errors={errors} />
          {catalog.state === 'failed' && (
            <p className="notice notice--error" role="alert">
              Ordering does not answer right now (reference {catalog.reference}).
            </p>
          )}
          <form className="form" noValidate onSubmit={onSubmit} aria-label="Order">
            <SerialPicker choices={choices} selected={serial} onSelect={chooseSerial} />
            {current && (
              <SerialItemsSection
                serial={current.serial}
                items={current.items}
                rows={rows}
                setRows={setRows}
                errors={errors.rows}
              />
            )}
            <HelpdeskShipping value={shipping} onChange={setShipping} />
            <div className="form__actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={!current || sending}
              >
                {sending ? 'Placing the order…' : 'Place order'}
              </button>
              {!current && <span className="field__hint">Select a serial number first.</span>}
            </div>
          </form>
        </>
      )}
      {account.state === 'ready' && (
        <p data-testid="order-ship-to">
          Ships to: {formatShipTo(account.data)} (change it on the account page before ordering).
        </p>
      )}
    </section>
  );
}

function HelpdeskOrderConfirmation({
  order,
  onOrderMore,
}: {
  order: OrderView;
  onOrderMore: () => void;
}) {
  const held = order.status === 'held';
  // It replaces the form and its focused "Place order" button: focus moves to the title.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [order.orderId]);
  return (
    <div
      className={`notice ${held ? 'notice--warn' : 'notice--ok'}`}
      role="status"
      data-testid="order-confirmation"
    >
      <h2 ref={title} tabIndex={-1} className="order-confirmation__title">
        {held ? 'The order is held for review' : 'The order is placed'}
      </h2>
      <p>
        Order number <strong data-testid="order-number">{order.orderNumber}</strong> for serial{' '}
        <code>{order.serial}</code>,{' '}
        {order.shippingMethod === 'expedited' ? 'expedited' : 'standard'} shipping:{' '}
        <OrderStatusBadge status={order.status} />
      </p>
      {held && <HoldExplanation order={order} />}
      <p>Read the order number to the customer; they are emailed a confirmation too.</p>
      <p className="order-confirmation__actions">
        {held && <Link to="/helpdesk/held">Held orders</Link>}
        <button type="button" className="link-button" onClick={onOrderMore}>
          Place another order
        </button>
      </p>
    </div>
  );
}
