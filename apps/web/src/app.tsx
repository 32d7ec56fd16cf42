import { useEffect, useRef } from 'react';
import { CountryProvider } from './country/country-context';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './pages/not-found-page';
import { NotPermittedPage } from './pages/not-permitted-page';
import { navigate, usePathname } from './router/router';
import { findRoute } from './routes';
import { hasAnyRole } from './session/session';
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
    if (mustSignIn) navigate('/login', { replace: true });
  }, [mustSignIn]);

  useEffect(() => {
    document.title = `${route?.title ?? 'Page not found'} — Metered Supplies`;
  }, [route]);

  useFocusOnNavigation(pathname);

  if (mustSignIn) return null;
  if (!route) return <NotFoundPage />;
  if (route.roles && session && !hasAnyRole(session.user, route.roles)) return <NotPermittedPage />;
  return <>{route.render(found?.params ?? {})}</>;
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
