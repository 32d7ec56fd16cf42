/**
 * Query parameters whose values are credentials: one-time links (`token`), OAuth-style
 * codes, signatures, keys. Matched by name, case-insensitively, also as a suffix
 * (`reset_token`, `accessToken`, `X-Amz-Signature`), so a new link style is covered too.
 */
const SECRET_PARAMETER = /(token|secret|password|passwd|code|signature|sig|key|session|auth)$/i;

export const REDACTED = '[redacted]';

/**
 * The request target with every secret-looking query value replaced, for access logs: the
 * emailed one-time links must never be readable from a log file, even when an old link or a
 * client still puts the token in the query. The path is kept as it is; only values change.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const hashStart = url.indexOf('#', queryStart);
  const query = url.slice(queryStart + 1, hashStart === -1 ? undefined : hashStart);
  const redacted = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      const name = safeDecode(pair.slice(0, equals));
      return SECRET_PARAMETER.test(name) ? `${pair.slice(0, equals)}=${REDACTED}` : pair;
    })
    .join('&');
  // A fragment never reaches a server; if a client sent one anyway, it is dropped.
  return `${url.slice(0, queryStart)}?${redacted}`;
}

/** A parsed query object with the same names redacted (pino-http logs `req.query` too). */
export function redactQuery(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [
      name,
      SECRET_PARAMETER.test(name) ? REDACTED : value,
    ]),
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
