import { useCallback, useRef, useState } from 'react';
import { useSession } from '../session/session-context';
import { ApiResult, newUuid } from './api-client';

/**
 * Sends a POST once. Each attempt carries an `Idempotency-Key`; the key is kept while the
 * outcome is unknown (network error, 5xx, timeout), so sending the same body again replays
 * the first attempt instead of doing it twice, and a changed body gets a new key. A second
 * call while one is in flight does nothing (resolves null).
 */
export function useIdempotentPost<T>(path: string) {
  const { callWithSession } = useSession();
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const inFlight = useRef(false);
  const [sending, setSending] = useState(false);

  const send = useCallback(
    async (body: unknown): Promise<ApiResult<T> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setSending(true);
      const json = JSON.stringify(body);
      if (attempt.current?.body !== json) attempt.current = { key: newUuid(), body: json };
      try {
        const result = await callWithSession<T>(path, {
          method: 'POST',
          body,
          headers: { 'Idempotency-Key': attempt.current.key },
          timeoutMs: 30000,
        });
        if (result.kind === 'ok' || (result.kind === 'http-error' && result.status < 500))
          attempt.current = null;
        return result;
      } finally {
        inFlight.current = false;
        setSending(false);
      }
    },
    [callWithSession, path],
  );

  return { send, sending };
}
