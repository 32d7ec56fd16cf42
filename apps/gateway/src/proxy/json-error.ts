import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { httpErrorBody } from '@metered/service-kit';

/** Answers in the shared error shape; a response already under way can only be cut off. */
export function sendJsonError(
  response: ServerResponse,
  status: number,
  message: string,
  headers: OutgoingHttpHeaders = {},
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify(httpErrorBody(status, message));
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
