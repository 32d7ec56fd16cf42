import { useCallback, useEffect, useState } from 'react';
import { ApiResult } from './api-client';
import { useSession } from '../session/session-context';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; status?: number; reference: string };

/**
 * Loads one API resource with the signed-in user's token (refreshed once on 401) and reloads
 * it on demand; a page shows the three states as it sees fit.
 */
export function useApiResource<T>(path: string | null): [Resource<T>, () => Promise<void>] {
  const { callWithSession } = useSession();
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });

  const load = useCallback(async () => {
    if (!path) return;
    const result: ApiResult<T> = await callWithSession<T>(path);
    if (result.kind === 'ok') setResource({ state: 'ready', data: result.body });
    else
      setResource({
        state: 'failed',
        status: result.kind === 'http-error' ? result.status : undefined,
        reference: result.correlationId,
      });
  }, [path, callWithSession]);

  useEffect(() => {
    void load();
  }, [load]);

  return [resource, load];
}
