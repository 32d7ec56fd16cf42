import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { Country, DEFAULT_COUNTRY_CODE, findCountry } from '../config/countries';
import { useSession } from '../session/session-context';

const STORAGE_KEY = 'metered.country';
const USER_CHOICE_KEY = 'metered.country.signed-in';

interface CountryState {
  country: Country;
  chooseCountry: (code: string) => void;
}

const CountryContext = createContext<CountryState | null>(null);

/** Storage can be unavailable (private mode, blocked cookies): the picker still works for the visit. */
function readStoredCode(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeCode(code: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not remembered across visits; nothing else depends on it.
  }
}

interface UserChoice {
  userId: string;
  country: Country;
}

/** Kept with the session (sessionStorage), so a reload keeps it and closing the tab forgets it. */
function readUserChoice(): UserChoice | null {
  try {
    const raw = window.sessionStorage.getItem(USER_CHOICE_KEY);
    const parsed = raw ? (JSON.parse(raw) as { userId?: unknown; code?: unknown }) : null;
    const country = findCountry(typeof parsed?.code === 'string' ? parsed.code : null);
    return country && typeof parsed?.userId === 'string'
      ? { userId: parsed.userId, country }
      : null;
  } catch {
    return null;
  }
}

function storeUserChoice(choice: UserChoice | null): void {
  try {
    if (choice)
      window.sessionStorage.setItem(
        USER_CHOICE_KEY,
        JSON.stringify({ userId: choice.userId, code: choice.country.code }),
      );
    else window.sessionStorage.removeItem(USER_CHOICE_KEY);
  } catch {
    // Not kept across a reload; the user's own country shows again.
  }
}

function initialCountry(): Country {
  const fallback = findCountry(DEFAULT_COUNTRY_CODE);
  if (!fallback) throw new Error(`default country ${DEFAULT_COUNTRY_CODE} is not configured`);
  return findCountry(readStoredCode()) ?? fallback;
}

/**
 * The country shown: a signed-in user sees their own (their account's) country unless they
 * picked another during this sign-in; a visitor sees the one last picked in this browser.
 * One country per page, so the header, the footer and every helpdesk number on it agree.
 */
export function CountryProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [visitorCountry, setVisitorCountry] = useState<Country>(initialCountry);
  // The picker's choice while signed in, for that user only: a new sign-in starts from theirs.
  const [userChoice, setUserChoice] = useState<UserChoice | null>(readUserChoice);
  const user = session?.user;
  const country = !user
    ? visitorCountry
    : userChoice?.userId === user.userId
      ? userChoice.country
      : (findCountry(user.country) ?? visitorCountry);

  // Signing out forgets the choice: the next sign-in starts from that user's own country.
  const signedIn = Boolean(user);
  useEffect(() => {
    if (signedIn) return;
    storeUserChoice(null);
    setUserChoice(null);
  }, [signedIn]);

  const chooseCountry = useCallback(
    (code: string) => {
      const chosen = findCountry(code);
      if (!chosen) throw new Error(`unknown country code ${code}`);
      storeCode(chosen.code);
      setVisitorCountry(chosen);
      const choice = user ? { userId: user.userId, country: chosen } : null;
      storeUserChoice(choice);
      setUserChoice(choice);
    },
    [user],
  );
  const value = useMemo(() => ({ country, chooseCountry }), [country, chooseCountry]);
  return <CountryContext.Provider value={value}>{children}</CountryContext.Provider>;
}

/** The country the visitor chose (or the default): it decides which helpdesk contact is shown. */
export function useCountry(): CountryState {
  const state = useContext(CountryContext);
  if (!state) throw new Error('useCountry must be used inside <CountryProvider>');
  return state;
}
