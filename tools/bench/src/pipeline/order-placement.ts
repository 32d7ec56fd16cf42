import { httpJson } from '../load/http-client';
import { BenchCustomer } from './bench-customers';

/** An order the API accepted during a measured phase. */
export interface AcceptedOrder {
  orderId: string;
  orderNumber: string;
  status: string;
  email: string;
}

/**
 * Places one small order (one row, nothing onsite, one bottle: always within the allowance,
 * so `placed`) for a customer, serial and item chosen round-robin by sequence number, over the
 * public API through the gateway. Accepted orders are collected in `accepted`.
 */
export function orderPlacer(
  gatewayUrl: string,
  customers: readonly BenchCustomer[],
  accepted: AcceptedOrder[],
) {
  const url = `${gatewayUrl}/api/orders`;
  return async (_worker: number, sequence: number): Promise<boolean> => {
    const customer = customers[sequence % customers.length];
    const round = Math.floor(sequence / customers.length);
    const serial = customer.serials[round % customer.serials.length];
    const reorderNumber =
      serial.items[Math.floor(round / customer.serials.length) % serial.items.length];
    const answer = await httpJson(
      url,
      'POST',
      {
        serial: serial.serial,
        rows: [{ reorderNumber, fullCartonsOnsite: 0, bottlesOnsite: 0, quantity: 1 }],
      },
      { authorization: `Bearer ${customer.token}` },
    );
    if (answer.status !== 201) return false;
    const order = JSON.parse(answer.body) as {
      orderId: string;
      orderNumber: string;
      status: string;
    };
    accepted.push({
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      status: order.status,
      email: customer.email,
    });
    return true;
  };
}

/**
 * The gateway + validation path without the database: an order body the ordering service
 * refuses in validation (400) after the gateway proxied it and the token was verified.
 */
export function refusedOrder(gatewayUrl: string, customer: BenchCustomer) {
  const url = `${gatewayUrl}/api/orders`;
  return async (): Promise<boolean> => {
    const answer = await httpJson(
      url,
      'POST',
      { serial: customer.serials[0].serial, rows: [] },
      { authorization: `Bearer ${customer.token}` },
    );
    return answer.status === 400;
  };
}
