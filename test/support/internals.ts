/**
 * What an answer must never show a caller: file paths, socket addresses, driver and database
 * error names, stack frames. Error bodies say what went wrong in the caller's terms; the
 * detail belongs in the server's log.
 */
const INTERNALS: readonly [string, RegExp][] = [
  ['a file system path', /(^|[\s'"(])\/(work|home|srv|usr|var|tmp|opt|app|root)\//],
  ['a file system error', /\bE(NOENT|ACCES|ISDIR|PERM)\b/],
  ['a socket error', /\bE(CONNREFUSED|CONNRESET|HOSTUNREACH|NOTFOUND|TIMEDOUT)\b/],
  ['a host:port', /\b(127\.0\.0\.1|localhost|0\.0\.0\.0):\d{2,5}\b/],
  ['a driver error', /\b(Mongo\w*Error|MongooseError|CastError|E11000|KafkaJS\w*)\b/],
  ['a stack frame', /\bat \S+ \(.*:\d+:\d+\)/],
];

/** The first internal detail found in a body, or undefined. */
export function internalsIn(body: unknown): string | undefined {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const found = INTERNALS.find(([, pattern]) => pattern.test(text));
  return found ? `${found[0]} in ${text.slice(0, 300)}` : undefined;
}

export function expectNoInternals(body: unknown): void {
  expect(internalsIn(body)).toBeUndefined();
}
