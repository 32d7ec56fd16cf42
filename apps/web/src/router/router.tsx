import { AnchorHTMLAttributes, MouseEvent, useSyncExternalStore } from 'react';

/*
 * A deliberately tiny history-API router: the portal has a handful of flat pages, and the
 * gateway answers every non-API path with index.html, so deep links and reloads just work.
 */
const NAVIGATE_EVENT = 'portal:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current path without a trailing slash ("/" stays "/"). */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => normalizePath(window.location.pathname));
}

export function normalizePath(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** A real `<a href>` (so open-in-new-tab and copy-link work) that navigates in-page on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified || rest.target) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}

/**
 * Matches a path against a pattern whose `:name` segments capture one segment each, e.g.
 * `/orders/:orderId`; null when it does not match. Captured values are URI-decoded.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = pathname.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index += 1) {
    const segment = want[index];
    if (segment.startsWith(':')) {
      if (!have[index]) return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(have[index]);
      } catch {
        return null;
      }
    } else if (segment !== have[index]) return null;
  }
  return params;
}
