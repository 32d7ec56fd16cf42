import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { useCountry } from '../../country/country-context';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { AccountDevice, AccountView } from '../customer/account-types';
import { ShipToAddress } from '../customer/ship-to-address';
import { OrderConfirmation } from './order-confirmation';
import { OrderProblems } from './order-problems';
import {
  countOrderProblems,
  NO_ORDER_ERRORS,
  OrderErrors,
  OrderRowDraft,
  prepareOrder,
} from './order-form';
import { SerialItemsSection } from './serial-items-section';
import { CatalogSerial, OrderView } from './order-types';
import { SerialChangeConfirm } from './serial-change-confirm';
import { accountFromCatalog, serialChoices } from './serial-choices';
import { SerialPicker } from './serial-picker';
import { ShippingMethod } from './shipping-method';
import { usePlaceOrder } from './use-place-order';

/**
 * "Order Supplies": pick one of the account's serial numbers, add a row per supply item
 * (cartons and bottles onsite, quantity to order), and place the order once.
 */
export function OrderSuppliesPage() {
  const { session } = useSession();
  const { country: chosenCountry } = useCountry();
  const accountId = session?.user.accountId;
  const base = accountId ? `/api/accounts/${encodeURIComponent(accountId)}` : null;
  const [account] = useApiResource<AccountView>(base);
  const [devices] = useApiResource<{ items: AccountDevice[] }>(base && `${base}/devices`);
  const [catalog, reloadCatalog] = useApiResource<{ items: CatalogSerial[] }>(
    accountId ? '/api/orders/catalog/serials' : null,
  );
  const [serial, setSerial] = useState<string | null>(null);
  const [pendingSerial, setPendingSerial] = useState<string | null>(null);
  const [rows, setRows] = useState<OrderRowDraft[]>([]);
  const [errors, setErrors] = useState<OrderErrors>(NO_ORDER_ERRORS);
  const [problem, setProblem] = useState<string | null>(null);
  const [placed, setPlaced] = useState<OrderView | null>(null);
  const { place, sending } = usePlaceOrder();
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
  const waitingForOrdering =
    catalog.state === 'ready' && choices.some((c) => c.blocked === 'not-ready');
  // Ordering learns about freshly approved devices by event: look again until it knows them.
  useEffect(() => {
    if (!waitingForOrdering) return;
    const timer = window.setInterval(() => void reloadCatalog(), 3000);
    return () => window.clearInterval(timer);
  }, [waitingForOrdering, reloadCatalog]);

  const shipToAccount =
    account.state === 'ready'
      ? account.data
      : catalog.state === 'ready'
        ? accountFromCatalog(catalog.data.items, session?.user.company)
        : null;
  // A serial that stopped being orderable (contract ended meanwhile) takes its rows with it.
  const lostSerial = Boolean(serial && catalog.state === 'ready' && !current);
  useEffect(() => {
    if (!lostSerial) return;
    setSerial(null);
    setRows([]);
    setErrors(NO_ORDER_ERRORS);
  }, [lostSerial]);

  // One helpdesk per page: the country shown (the account's own unless another was picked).
  const helpdeskCountry = chosenCountry;

  // The question about switching serial takes the focus; once answered, it goes back to the
  // serial now chosen (the question and its buttons are gone).
  const focusSerial = (chosen: string) =>
    window.requestAnimationFrame(() => document.getElementById(`serial-choice-${chosen}`)?.focus());
  const chooseSerial = (next: string) => {
    if (next === serial) return;
    if (rows.length) setPendingSerial(next);
    else switchTo(next);
  };
  const switchTo = (next: string) => {
    setSerial(next);
    setPendingSerial(null);
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
      const outcome = await place(
        prepared.body,
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
      if (outcome.kind === 'not-covered') void reloadCatalog();
    }
    window.requestAnimationFrame(() => summaryRef.current?.focus());
  };

  return (
    <section className="page" aria-labelledby="order-title">
      <div className="page__title-row">
        <h1 id="order-title">Order Supplies</h1>
        <Link to="/orders">My orders</Link>
      </div>
      <p className="page__lead">
        {account.state === 'ready' ? `${account.data.company}: ` : ''}
        choose a device, then the supply items to send. Online orders ship standard.
      </p>
      {!accountId && <p>Your sign-in is not linked to a customer account.</p>}
      {placed ? (
        <OrderConfirmation order={placed} onOrderMore={() => setPlaced(null)} />
      ) : (
        <>
          <OrderProblems ref={summaryRef} problem={problem} errors={errors} />
          {catalog.state === 'loading' && devices.state === 'loading' && accountId && (
            <p role="status">Loading your devices…</p>
          )}
          {catalog.state === 'failed' && (
            <p className="notice notice--error" role="alert">
              Online ordering is unavailable right now (reference {catalog.reference}). Try again in
              a few minutes, or call the Supplies Helpdesk.
            </p>
          )}
          <form className="form" noValidate onSubmit={onSubmit} aria-label="Order">
            <SerialPicker choices={choices} selected={serial} onSelect={chooseSerial} />
            {pendingSerial && serial && (
              <SerialChangeConfirm
                from={serial}
                to={pendingSerial}
                rowCount={rows.length}
                onConfirm={() => {
                  switchTo(pendingSerial);
                  focusSerial(pendingSerial);
                }}
                onCancel={() => {
                  setPendingSerial(null);
                  focusSerial(serial);
                }}
              />
            )}
            {current && (
              <SerialItemsSection
                serial={current.serial}
                items={current.items}
                rows={rows}
                setRows={setRows}
                errors={errors.rows}
              >
                <p className="order-rows__missing">
                  <Link to={`/requests/item?serial=${encodeURIComponent(current.serial)}`}>
                    Item not in the list?
                  </Link>{' '}
                  Ask for it to be added to this serial number.
                </p>
              </SerialItemsSection>
            )}
            <ShippingMethod country={helpdeskCountry} />
            <div className="form__actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={!current || sending}
              >
                {sending ? 'Placing your order…' : 'Place order'}
              </button>
              {!current && <span className="field__hint">Select a serial number first.</span>}
            </div>
          </form>
        </>
      )}
      {shipToAccount && <ShipToAddress account={shipToAccount} />}
      {!shipToAccount && account.state === 'failed' && catalog.state !== 'loading' && (
        <p className="notice notice--error" role="alert">
          The ship-to address could not be loaded (reference {account.reference}).
        </p>
      )}
    </section>
  );
}
