import { useEffect, useRef } from 'react';

/**
 * Calls `refresh` every `intervalMs` while the tab is visible; a refresh still running is not
 * overtaken by the next (a slow answer must not pile requests up).
 */
export function usePolling(refresh: () => Promise<void>, intervalMs: number): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    let running = false;
    const timer = window.setInterval(() => {
      if (running || document.visibilityState === 'hidden') return;
      running = true;
      void latest
        .current()
        .catch(() => undefined)
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
}
