import { useEffect, useRef } from 'react';
import { CountryProvider } from './country/country-context';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './pages/not-found-page';
import { NotPermittedPage } from './pages/not-permitted-page';
import { navigate, usePathname } from './router/router';
import { findRoute } from './routes';
import { hasAnyRole, landingPathFor, SessionUser, signInPathFor } from './session/session';
import { SessionProvider, useSession } from './session/session-context';

export function App() {
  return (
    <SessionProvider>
      <CountryProvider>
        <AppLayout>
          <CurrentPage />
        </AppLayout>
      </CountryProvider>
    </SessionProvider>
  );
}

function CurrentPage() {
  const pathname = usePathname();
  const { session } = useSession();
  const found = findRoute(pathname);
  const route = found?.route;
  const mustSignIn = route?.access === 'signed-in' && !session;

  useEffect(() => {
    // The page asked for comes back after sign-in (the effect below reads `next`).
    if (mustSignIn) navigate(signInPathFor(pathname, window.location.search), { replace: true });
  }, [mustSignIn, pathname]);

  useEffect(() => {
    document.title = `${route?.title ?? 'Page not found'} — Metered Supplies`;
  }, [route]);

  // Signed in on the sign-in page: on to the page asked for before (`next`), else home.
  const leaveSignIn = !!session && (pathname === '/' || pathname === '/login');
  useEffect(() => {
    if (!leaveSignIn || !session) return;
    const next = new URLSearchParams(window.location.search).get('next');
    navigate(landingPathFor(session.user, next, (path) => mayOpen(session.user, path)), {
      replace: true,
    });
  }, [leaveSignIn, session]);

  useFocusOnNavigation(pathname);

  if (mustSignIn) return null;
  if (!route) return <NotFoundPage />;
  if (route.roles && session && !hasAnyRole(session.user, route.roles)) return <NotPermittedPage />;
  return <>{route.render(found?.params ?? {})}</>;
}

/** Whether `pathname` is a signed-in page that this user's roles open. */
function mayOpen(user: SessionUser, pathname: string): boolean {
  const route = findRoute(pathname)?.route;
  return route?.access === 'signed-in' && (!route.roles || hasAnyRole(user, route.roles));
}

/**
 * After an in-page navigation, screen-reader and keyboard users would otherwise stay on the
 * link they clicked; moving focus to the new page's heading announces it like a page load.
 */
function useFocusOnNavigation(pathname: string) {
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [pathname]);
}
