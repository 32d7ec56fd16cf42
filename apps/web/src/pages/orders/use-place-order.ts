import { useCallback } from 'react';
import { ApiResult } from '../../api/api-client';
import { useIdempotentPost } from '../../api/use-idempotent-post';
import { NO_CONTRACT_ADVICE } from './serial-picker';
import { OrderErrors, placeOrderProblems } from './order-form';
import { OrderView, PlaceOrderBody } from './order-types';

export type PlaceOutcome =
  | { kind: 'placed'; order: OrderView }
  | { kind: 'invalid'; errors: OrderErrors }
  | { kind: 'refused'; message: string }
  /** The contract ended since the page loaded: the serial can no longer be ordered. */
  | { kind: 'not-covered'; message: string };

/** Sends an order once (see useIdempotentPost): a double click or a resend never places two. */
export function usePlaceOrder() {
  const { send, sending } = useIdempotentPost<OrderView>('/api/orders');
  const place = useCallback(
    async (body: PlaceOrderBody, rowKeys: readonly number[]): Promise<PlaceOutcome | null> => {
      const result = await send(body);
      return result && interpret(result, rowKeys);
    },
    [send],
  );
  return { place, sending };
}

function interpret(result: ApiResult<OrderView>, rowKeys: readonly number[]): PlaceOutcome {
  if (result.kind === 'ok') return { kind: 'placed', order: result.body };
  if (result.kind === 'network-error' || result.status >= 500) {
    return {
      kind: 'refused',
      message: `Your order could not be sent right now (reference ${result.correlationId}). Sending it again is safe: it will not be placed twice.`,
    };
  }
  const { status, body } = result;
  if (status === 400 && body?.errors?.length)
    return { kind: 'invalid', errors: placeOrderProblems(body.errors, rowKeys) };
  const message = Array.isArray(body?.message) ? body.message.join(' ') : body?.message;
  if (status === 404)
    return {
      kind: 'refused',
      message:
        'This serial number is not on your account. Reload the page to see your current devices.',
    };
  if (body?.code === 'idempotency-key-reused')
    return {
      kind: 'refused',
      message: 'This order was already sent with different content. Reload the page and try again.',
    };
  if (body?.code === 'contract-not-current') {
    // Ordering's own words name the serial and give the store-or-partner advice.
    const reason = body.errors?.[0]?.reason ?? message ?? '';
    return {
      kind: 'not-covered',
      message: /store|partner/i.test(reason) ? reason : `${reason} ${NO_CONTRACT_ADVICE}.`.trim(),
    };
  }
  return {
    kind: 'refused',
    message:
      message ??
      `Your order was not accepted (status ${status}, reference ${result.correlationId}).`,
  };
}
