/**
 * What a response may say about a failed dependency. Driver and socket messages name hosts,
 * ports, file paths and database internals; they go to the log, and the body gets one of these
 * plain phrases instead.
 */
export type PublicReason = 'timed out' | 'not reachable' | 'not available';

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

export function publicReason(error: unknown): PublicReason {
  const candidate = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  const code = typeof candidate?.code === 'string' ? candidate.code : '';
  const text = `${String(candidate?.name ?? '')} ${String(candidate?.message ?? '')}`;
  if (code === 'ETIMEDOUT' || /time(d)?\s?out/i.test(text)) return 'timed out';
  if (UNREACHABLE_CODES.has(code) || /ECONNREFUSED|ENOTFOUND|not connected|connection/i.test(text))
    return 'not reachable';
  if (candidate?.cause && candidate.cause !== error) return publicReason(candidate.cause);
  return 'not available';
}
