import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';

/**
 * What the portal keeps about a signed-in user. The identity service does not exist yet; when
 * it does, this holds what its login answer returns. Kept in sessionStorage, so closing the
 * tab signs out, and nothing survives on a shared computer.
 */
export interface Session {
  accessToken: string;
  email: string;
}

const STORAGE_KEY = 'metered.session';

interface SessionState {
  session: Session | null;
  signIn: (session: Session) => void;
  signOut: () => void;
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

function isSession(value: unknown): value is Session {
  const candidate = value as Partial<Session> | null;
  return typeof candidate?.accessToken === 'string' && typeof candidate.email === 'string';
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
  const signIn = useCallback((next: Session) => {
    writeStoredSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    writeStoredSession(null);
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession must be used inside <SessionProvider>');
  return state;
}
