import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { Country, DEFAULT_COUNTRY_CODE, findCountry } from '../config/countries';

const STORAGE_KEY = 'metered.country';

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

function initialCountry(): Country {
  const fallback = findCountry(DEFAULT_COUNTRY_CODE);
  if (!fallback) throw new Error(`default country ${DEFAULT_COUNTRY_CODE} is not configured`);
  return findCountry(readStoredCode()) ?? fallback;
}

export function CountryProvider({ children }: { children: ReactNode }) {
  const [country, setCountry] = useState<Country>(initialCountry);
  const chooseCountry = useCallback((code: string) => {
    const chosen = findCountry(code);
    if (!chosen) throw new Error(`unknown country code ${code}`);
    storeCode(chosen.code);
    setCountry(chosen);
  }, []);
  const value = useMemo(() => ({ country, chooseCountry }), [country, chooseCountry]);
  return <CountryContext.Provider value={value}>{children}</CountryContext.Provider>;
}

/** The country the visitor chose (or the default): it decides which helpdesk contact is shown. */
export function useCountry(): CountryState {
  const state = useContext(CountryContext);
  if (!state) throw new Error('useCountry must be used inside <CountryProvider>');
  return state;
}
