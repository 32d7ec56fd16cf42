import { ApiResult } from '../../api/api-client';
import { sentence } from '../../forms/field-errors';

type Failure = Exclude<ApiResult<unknown>, { kind: 'ok' }>;

/**
 * One sentence for a refused helpdesk action: the services' own field reasons when they give
 * them (e.g. "serial: linked to another account"), else their message, else the status with
 * the correlation reference that finds the request in the logs.
 */
export function actionProblem(result: Failure, what: string): string {
  if (result.kind === 'network-error')
    return `The portal could not be reached, so ${what} did not happen (reference ${result.correlationId}). Try again.`;
  const problems = result.body?.errors?.map(({ field, reason }) =>
    field ? `${field}: ${sentence(reason)}` : sentence(reason),
  );
  if (problems?.length) return problems.join(' ');
  const message = Array.isArray(result.body?.message)
    ? result.body.message.join(' ')
    : result.body?.message;
  if (result.status === 403) return `Your role may not do this (${what}).`;
  if (result.status === 409)
    return `Not possible any more: ${message ?? 'it changed meanwhile'}. Reload to see the current state.`;
  return `${sentence(`${what} failed: ${message ?? `error ${result.status}`}`)} (reference ${result.correlationId})`;
}

/** Field → reasons, for forms that show the API's `errors[{field, reason}]` at each input. */
export function fieldReasons(result: Failure): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  if (result.kind !== 'http-error') return grouped;
  for (const { field, reason } of result.body?.errors ?? []) {
    // The body may be the address itself or wrap it: both name the same input.
    const key = field.replace(/^shipTo\./, '');
    (grouped[key] ??= []).push(sentence(reason));
  }
  return grouped;
}
