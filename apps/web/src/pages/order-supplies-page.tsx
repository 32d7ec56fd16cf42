import { HelpdeskNumber } from '../layout/helpdesk-number';

/** Placeholder for the ordering flow: choose a serial, add order rows, place the order. */
export function OrderSuppliesPage() {
  return (
    <section className="page" aria-labelledby="order-title">
      <h1 id="order-title">Order Supplies</h1>
      <p className="page__lead">Online ordering is coming soon.</p>
      <div className="notice notice--info" role="note">
        <p>
          Online orders ship standard. For expedited shipping call the Supplies Helpdesk at{' '}
          <HelpdeskNumber />.
        </p>
      </div>
    </section>
  );
}
