import { useCallback } from 'react';
import { ApiResult } from '../../api/api-client';
import { useIdempotentPost } from '../../api/use-idempotent-post';
import { OrderErrors, placeOrderProblems } from '../orders/order-form';
import { OrderView, PlaceOrderBody } from '../orders/order-types';

export type ShippingChoice = 'standard' | 'expedited';

/** POST /api/orders on behalf of a customer: the account is named, expedited is allowed. */
export type HelpdeskOrderBody = Omit<PlaceOrderBody, 'shippingMethod'> & {
  accountId: string;
  shippingMethod: ShippingChoice;
};

export type HelpdeskPlaceOutcome =
  | { kind: 'placed'; order: OrderView }
  | { kind: 'invalid'; errors: OrderErrors }
  | { kind: 'refused'; message: string; contractEnded?: boolean };

/** Sends an order once (see useIdempotentPost): a double click or a resend never places two. */
export function useHelpdeskOrder() {
  const { send, sending } = useIdempotentPost<OrderView>('/api/orders');
  const place = useCallback(
    async (
      body: HelpdeskOrderBody,
      rowKeys: readonly number[],
    ): Promise<HelpdeskPlaceOutcome | null> => {
      const result = await send(body);
      return result && interpret(result, rowKeys);
    },
    [send],
  );
  return { place, sending };
}

function interpret(result: ApiResult<OrderView>, rowKeys: readonly number[]): HelpdeskPlaceOutcome {
  if (result.kind === 'ok') return { kind: 'placed', order: result.body };
  if (result.kind === 'network-error' || result.status >= 500)
    return {
      kind: 'refused',
      message: `The order could not be sent right now (reference ${result.correlationId}). Sending it again is safe: it will not be placed twice.`,
    };
  const { status, body } = result;
  if (status === 400 && body?.errors?.length)
    return { kind: 'invalid', errors: placeOrderProblems(body.errors, rowKeys) };
  const message = Array.isArray(body?.message) ? body.message.join(' ') : body?.message;
  if (status === 404)
    return {
      kind: 'refused',
      message: 'This serial number is not (or no longer) on this account.',
    };
  if (status === 403) return { kind: 'refused', message: 'Your role may not place orders.' };
  if (body?.code === 'contract-not-current')
    return {
      kind: 'refused',
      contractEnded: true,
      message: body.errors?.[0]?.reason ?? message ?? 'The contract does not cover this serial.',
    };
  return {
    kind: 'refused',
    message:
      message ??
      `The order was not accepted (status ${status}, reference ${result.correlationId}).`,
  };
}
