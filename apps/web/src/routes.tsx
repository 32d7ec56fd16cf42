import { ReactNode } from 'react';
import { Role } from './config/identifiers';
import { CustomerHomePage } from './pages/customer/customer-home-page';
import { LoginPage } from './pages/login-page';
import { ForgotPasswordPage } from './pages/password/forgot-password-page';
import { ChoosePasswordPage } from './pages/password/choose-password-page';
import { RegisterPage } from './pages/register/register-page';
import { StaffHomePage } from './pages/staff-home-page';
import { ValidatorQueuePage } from './pages/validator/validator-queue-page';

/** Who may open a page: anyone, or only a signed-in user (others are sent to sign in). */
export type RouteAccess = 'public' | 'signed-in';

export interface PortalRoute {
  path: string;
  /** Becomes the document title ("… — Metered Supplies"). */
  title: string;
  access: RouteAccess;
  /** Signed-in pages only for these roles; others see "not available for your account". */
  roles?: readonly Role[];
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
    path: '/set-password',
    title: 'Set your password',
    access: 'public',
    render: () => <ChoosePasswordPage purpose="setup" />,
  },
  {
    path: '/reset-password',
    title: 'Choose a new password',
    access: 'public',
    render: () => <ChoosePasswordPage purpose="reset" />,
  },
  {
    path: '/order',
    title: 'Order Supplies',
    access: 'signed-in',
    roles: ['customer'],
    render: () => <CustomerHomePage />,
  },
  {
    path: '/validator',
    title: 'Registration requests',
    access: 'signed-in',
    roles: ['validator', 'admin'],
    render: () => <ValidatorQueuePage />,
  },
  { path: '/home', title: 'Home', access: 'signed-in', render: () => <StaffHomePage /> },
];
