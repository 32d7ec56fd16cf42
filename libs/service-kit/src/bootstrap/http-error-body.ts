import { STATUS_CODES } from 'node:http';

/** Largest request body any service (and the gateway's proxy) accepts: 64 kB. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The shared error shape `{statusCode, error, message}` for answers made outside Nest's filters. */
export interface HttpErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

export function httpErrorBody(statusCode: number, message: string): HttpErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}
