import { ReactNode } from 'react';
import { ForgotPasswordPage } from './pages/forgot-password-page';
import { LoginPage } from './pages/login-page';
import { OrderSuppliesPage } from './pages/order-supplies-page';
import { RegisterPage } from './pages/register-page';

/** Who may open a page: anyone, or only a signed-in user (others are sent to sign in). */
export type RouteAccess = 'public' | 'signed-in';

export interface PortalRoute {
  path: string;
  /** Becomes the document title ("… — Metered Supplies"). */
  title: string;
  access: RouteAccess;
  render: () => ReactNode;
}

/** The portal's pages; later features add theirs here. Paths are exact, without a trailing slash. */
export const ROUTES: readonly PortalRoute[] = [
  { path: '/', title: 'Sign in', access: 'public', render: () => <LoginPage /> },
  { path: '/login', title: 'Sign in', access: 'public', render: () => <LoginPage /> },
  { path: '/register', title: 'Register', access: 'public', render: () => <RegisterPage /> },
  {
    path: '/forgot-password',
    title: 'Reset your password',
    access: 'public',
    render: () => <ForgotPasswordPage />,
  },
  {
    path: '/order',
    title: 'Order Supplies',
    access: 'signed-in',
    render: () => <OrderSuppliesPage />,
  },
];
