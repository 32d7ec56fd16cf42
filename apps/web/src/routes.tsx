import { ReactNode } from 'react';
import { Role } from './config/identifiers';
import { matchPath } from './router/router';
import { LoginPage } from './pages/login-page';
import { MyOrdersPage } from './pages/orders/my-orders-page';
import { OrderDetailPage } from './pages/orders/order-detail-page';
import { OrderSuppliesPage } from './pages/orders/order-supplies-page';
import { ForgotPasswordPage } from './pages/password/forgot-password-page';
import { ChoosePasswordPage } from './pages/password/choose-password-page';
import { RegisterPage } from './pages/register/register-page';
import { StaffHomePage } from './pages/staff-home-page';
import { AccountPage } from './pages/customer/account-page';
import { FaqPage } from './pages/faq/faq-page';
import { ItemRequestPage } from './pages/requests/item-request-page';
import { MachinesRequestPage } from './pages/requests/machines-request-page';
import { HeldOrdersPage } from './pages/helpdesk/held-orders-page';
import { HelpdeskAccountPage } from './pages/helpdesk/helpdesk-account-page';
import { HelpdeskOrderPage } from './pages/helpdesk/helpdesk-order-page';
import { HelpdeskRequestsPage } from './pages/helpdesk/helpdesk-requests-page';
import { HelpdeskSearchPage } from './pages/helpdesk/helpdesk-search-page';
import { ValidatorQueuePage } from './pages/validator/validator-queue-page';
import { OpsDashboardPage } from './pages/ops/ops-dashboard-page';
import { AuditPage } from './pages/admin/audit-page';
import {
  AgentsPage,
  FleetPage,
  HelpdeskAgentsPage,
  HelpdeskFleetPage,
} from './pages/telemetry/fleet-pages';

/** Who may open a page: anyone, or only a signed-in user (others are sent to sign in). */
export type RouteAccess = 'public' | 'signed-in';

export interface PortalRoute {
  /** Exact, or with `:name` segments that the page receives as `params`. */
  path: string;
  /** Becomes the document title ("… — Metered Supplies"). */
  title: string;
  access: RouteAccess;
  /** Signed-in pages only for these roles; others see "not available for your account". */
  roles?: readonly Role[];
  render: (params: Record<string, string>) => ReactNode;
}

/** The portal's pages; later features add theirs here. Paths have no trailing slash. */
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
    render: () => <OrderSuppliesPage />,
  },
  {
    path: '/orders',
    title: 'My orders',
    access: 'signed-in',
    roles: ['customer'],
    render: () => <MyOrdersPage />,
  },
  {
    path: '/orders/:orderId',
    title: 'Order',
    access: 'signed-in',
    roles: ['customer'],
    render: ({ orderId }) => <OrderDetailPage key={orderId} orderId={orderId} />,
  },
  {
    path: '/validator',
    title: 'Registration requests',
    access: 'signed-in',
    roles: ['validator', 'admin'],
    render: () => <ValidatorQueuePage />,
  },
  {
    path: '/helpdesk',
    title: 'Find an account',
    access: 'signed-in',
    roles: ['helpdesk', 'admin'],
    render: () => <HelpdeskSearchPage />,
  },
  {
    path: '/helpdesk/accounts/:accountId',
    title: 'Account',
    access: 'signed-in',
    roles: ['helpdesk', 'admin'],
    render: ({ accountId }) => <HelpdeskAccountPage key={accountId} accountId={accountId} />,
  },
  {
    path: '/helpdesk/accounts/:accountId/order',
    title: 'Order on behalf',
    access: 'signed-in',
    roles: ['helpdesk', 'admin'],
    render: ({ accountId }) => <HelpdeskOrderPage key={accountId} accountId={accountId} />,
  },
  {
    path: '/helpdesk/accounts/:accountId/fleet',
    title: 'Fleet',
    access: 'signed-in',
    roles: ['helpdesk', 'admin'],
    render: ({ accountId }) => <HelpdeskFleetPage key={accountId} accountId={accountId} />,
  },
  {
    path: '/helpdesk/accounts/:accountId/agents',
    title: 'Data collection agents',
    access: 'signed-in',
    roles: ['helpdesk', 'admin'],
    render: ({ accountId }) => <HelpdeskAgentsPage key={accountId} accountId={accountId} />,
  },
  {
    path: '/helpdesk/requests',
    title: 'Customer requests',
    access: 'signed-in',
    roles: ['helpdesk', 'admin'],
    render: () => <HelpdeskRequestsPage />,
  },
  {
    path: '/helpdesk/held',
    title: 'Held orders',
    access: 'signed-in',
    roles: ['helpdesk', 'admin'],
    render: () => <HeldOrdersPage />,
  },
  { path: '/home', title: 'Home', access: 'signed-in', render: () => <StaffHomePage /> },
  {
    path: '/ops',
    title: 'Operations',
    access: 'signed-in',
    roles: ['ops', 'admin'],
    render: () => <OpsDashboardPage />,
  },
  {
    path: '/admin/audit',
    title: 'Audit trail',
    access: 'signed-in',
    roles: ['admin'],
    render: () => <AuditPage />,
  },
  { path: '/faq', title: 'Questions and answers', access: 'public', render: () => <FaqPage /> },
  {
    path: '/account',
    title: 'My account',
    access: 'signed-in',
    roles: ['customer'],
    render: () => <AccountPage />,
  },
  {
    path: '/fleet',
    title: 'My fleet',
    access: 'signed-in',
    roles: ['customer'],
    render: () => <FleetPage />,
  },
  {
    path: '/agents',
    title: 'Data collection agents',
    access: 'signed-in',
    roles: ['customer'],
    render: () => <AgentsPage />,
  },
  {
    path: '/requests/machines',
    title: 'Add machines',
    access: 'signed-in',
    roles: ['customer'],
    render: () => <MachinesRequestPage />,
  },
  {
    path: '/requests/item',
    title: 'Item not listed',
    access: 'signed-in',
    roles: ['customer'],
    render: () => <ItemRequestPage />,
  },
];

/** The page for a path and what its `:name` segments captured; exact paths win. */
export function findRoute(
  pathname: string,
): { route: PortalRoute; params: Record<string, string> } | undefined {
  const exact = ROUTES.find((candidate) => candidate.path === pathname);
  if (exact) return { route: exact, params: {} };
  for (const route of ROUTES) {
    const params = route.path.includes(':') ? matchPath(route.path, pathname) : null;
    if (params) return { route, params };
  }
  return undefined;
}
