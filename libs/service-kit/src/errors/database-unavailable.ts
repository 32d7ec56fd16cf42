/**
 * Which errors mean "the database cannot be reached right now" — the caller may retry later —
 * as opposed to a broken query or a bug. Matched by name (the driver's and mongoose's error
 * classes) and by the one mongoose message that has no class of its own, through `cause`
 * chains, because platform code sometimes wraps the driver's error.
 */
const UNAVAILABLE_ERROR_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
]);

/** mongoose: a command waited for a connection longer than `bufferTimeoutMS`. */
const BUFFERING_TIMED_OUT = /buffering timed out after \d+ ?ms/i;

/** How long clients are asked to wait before retrying (Retry-After, seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  if (UNAVAILABLE_ERROR_NAMES.has(error.name)) return true;
  if (error.name === 'MongooseError' && BUFFERING_TIMED_OUT.test(error.message)) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * Driver settings that keep a request from hanging while the database is away: a command
 * fails after a few seconds (server selection, mongoose's buffering) instead of waiting
 * 30 s, so the API can answer 503 quickly. The socket timeout only cuts connections that
 * stay silent far longer than any of our queries take.
 */
export const DATABASE_CLIENT_TIMEOUTS = {
  serverSelectionTimeoutMS: 3000,
  bufferTimeoutMS: 3000,
  connectTimeoutMS: 3000,
  socketTimeoutMS: 20000,
  // The driver's own check of the server (a `hello` per service): every 2 s it was 3 of an
  // idle stack's database commands per second. A failed operation marks the server unknown
  // at once and a waiting request makes the driver check again within 0.5 s, so the longer
  // period changes neither how fast a request fails nor how fast it recovers.
  heartbeatFrequencyMS: 10000,
} as const;
