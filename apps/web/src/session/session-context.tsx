import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiRequest, ApiResult, callApi } from '../api/api-client';
import { isSession, isTokenAnswer, Session, sessionOf } from './session';

const STORAGE_KEY = 'metered.session';

interface SessionState {
  session: Session | null;
  signIn: (session: Session) => void;
  /** Ends the session at identity (best effort) and forgets it here. */
  signOut: () => Promise<void>;
  /**
   * Calls the API with the access token. On a 401 it refreshes the tokens once (POST
   * /api/auth/refresh) and repeats the call; when that fails too the user is signed out.
   */
  callWithSession: <T>(path: string, request?: ApiRequest) => Promise<ApiResult<T>>;
}

const SessionContext = createContext<SessionState | null>(null);

function readStoredSession(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function writeStoredSession(session: Session | null): void {
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the session lasts until the page is reloaded.
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readStoredSession);
  // The latest session for callbacks that outlive a render (a refresh finishing mid-request).
  const current = useRef<Session | null>(session);
  // Refresh tokens rotate and a reused one revokes the session, so parallel 401s share one refresh.
  const refreshing = useRef<Promise<Session | null> | null>(null);

  const replace = useCallback((next: Session | null) => {
    current.current = next;
    writeStoredSession(next);
    setSession(next);
  }, []);

  const refresh = useCallback(
    (stale: Session): Promise<Session | null> => {
      if (current.current && current.current.accessToken !== stale.accessToken)
        return Promise.resolve(current.current); // someone else already refreshed
      refreshing.current ??= callApi<unknown>('/api/auth/refresh', {
        method: 'POST',
        body: { refreshToken: stale.refreshToken },
      })
        .then((result) => {
          const next =
            result.kind === 'ok' && isTokenAnswer(result.body) ? sessionOf(result.body) : null;
          // A network error is not a verdict on the session: keep it and let the page say so.
          if (next || result.kind === 'http-error') replace(next);
          return next;
        })
        .finally(() => {
          refreshing.current = null;
        });
      return refreshing.current;
    },
    [replace],
  );

  const callWithSession = useCallback(
    async <T,>(path: string, request: ApiRequest = {}): Promise<ApiResult<T>> => {
      const used = current.current;
      if (!used) return callApi<T>(path, request);
      const first = await callApi<T>(path, { ...request, accessToken: used.accessToken });
      if (first.kind !== 'http-error' || first.status !== 401) return first;
      const renewed = await refresh(used);
      if (!renewed) return first;
      return callApi<T>(path, { ...request, accessToken: renewed.accessToken });
    },
    [refresh],
  );

  const signIn = useCallback((next: Session) => replace(next), [replace]);

  const signOut = useCallback(async () => {
    const ending = current.current;
    if (ending) {
      // Revokes the session at identity (SessionRevoked), so a copied token stops working too.
      await callWithSession<void>('/api/auth/logout', {
        method: 'POST',
        body: { refreshToken: current.current?.refreshToken ?? ending.refreshToken },
        timeoutMs: 5000,
      });
    }
    replace(null);
  }, [callWithSession, replace]);

  const value = useMemo(
    () => ({ session, signIn, signOut, callWithSession }),
    [session, signIn, signOut, callWithSession],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession must be used inside <SessionProvider>');
  return state;
}
