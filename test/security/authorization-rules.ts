/**
 * Who may call what: one rule per operation of the public API (`METHOD /api/path` exactly as
 * the gateway's merged OpenAPI document spells it). The matrix test fails for an operation
 * without a rule, so a new endpoint cannot ship without saying who may call it.
 */
import { Role } from '@metered/contracts/reference';

/** `agents`: only a data collection agent's credential (`Authorization: Agent …`), never a user. */
export type Allowed = 'anyone' | 'signed-in' | 'agents' | readonly Role[];

export interface AccessRule {
  allow: Allowed;
  /**
   * Customers act only on their own account: a customer of another account calling with
   * account A's ids gets this status (404: answered like something that does not exist).
   */
  otherAccount?: { status: number; body?: (ids: WorldIds) => unknown };
  /** A list that must not show account A's data to the customer of account B. */
  noLeak?: { query: (ids: WorldIds) => string };
  /** Path parameters that differ from the world's defaults (e.g. one that must not exist). */
  params?: Record<string, string>;
}

/** Real ids of account A, the defaults for path parameters of the same name. */
export interface WorldIds {
  accountId: string;
  serial: string;
  reorderNumber: string;
  order: string;
  requestId: string;
  id: string;
  [param: string]: string;
}

const STAFF: readonly Role[] = ['helpdesk', 'validator', 'ops', 'admin'];
const STAFF_EDIT: readonly Role[] = ['helpdesk', 'admin'];
const ORDER_READERS: readonly Role[] = ['helpdesk', 'ops', 'admin'];
const OPS: readonly Role[] = ['ops', 'admin'];
const NOT_FOUND = { status: 404 };

export const ACCESS_RULES: Readonly<Record<string, AccessRule>> = {
  // gateway
  'GET /api/health': { allow: 'anyone' },

  // identity
  'POST /api/registrations': { allow: 'anyone' },
  'GET /api/registrations': { allow: ['validator', 'admin'] },
  'GET /api/registrations/{id}': { allow: ['validator', 'admin'] },
  'POST /api/registrations/{id}/approve': { allow: ['validator', 'admin'] },
  'POST /api/registrations/{id}/reject': { allow: ['validator', 'admin'] },
  'GET /api/auth/jwks.json': { allow: 'anyone' },
  'POST /api/auth/login': { allow: 'anyone' },
  'POST /api/auth/refresh': { allow: 'anyone' },
  'POST /api/auth/logout': { allow: 'signed-in' },
  'GET /api/auth/me': { allow: 'signed-in' },
  'GET /api/auth/session': { allow: 'signed-in' },
  'POST /api/auth/password/setup': { allow: 'anyone' },
  'POST /api/auth/password/forgot': { allow: 'anyone' },
  'POST /api/auth/password/reset': { allow: 'anyone' },
  'POST /api/users': { allow: ['admin'] },
  'GET /api/users': { allow: ['helpdesk', 'admin'] },

  // registry: master data and devices
  'POST /api/master-data/imports': { allow: ['admin'] },
  'GET /api/device-models': { allow: STAFF },
  'GET /api/supply-items': { allow: STAFF },
  'GET /api/devices/{serial}': { allow: STAFF },

  // registry: accounts (customers: their own; staff: all; helpdesk/admin edit)
  'GET /api/accounts': { allow: STAFF },
  'GET /api/accounts/{accountId}': { allow: ['customer', ...STAFF], otherAccount: NOT_FOUND },
  'GET /api/accounts/{accountId}/devices': {
    allow: ['customer', ...STAFF],
    otherAccount: NOT_FOUND,
  },
  'PUT /api/accounts/{accountId}/ship-to': { allow: STAFF_EDIT },
  'POST /api/accounts/{accountId}/devices': { allow: STAFF_EDIT },
  'DELETE /api/accounts/{accountId}/devices/{serial}': { allow: STAFF_EDIT },
  'POST /api/accounts/{accountId}/devices/{serial}/supply-items': { allow: STAFF_EDIT },
  'DELETE /api/accounts/{accountId}/devices/{serial}/supply-items/{reorderNumber}': {
    allow: STAFF_EDIT,
    params: { reorderNumber: 'NO-SUCH-ITEM-0' },
  },

  // registry: customers' requests and the helpdesk queue
  'POST /api/account-requests/machines': { allow: ['customer'] },
  'POST /api/account-requests/supply-items': { allow: ['customer'] },
  'GET /api/account-requests': {
    allow: ['customer', ...STAFF],
    noLeak: { query: (ids) => `?accountId=${ids.accountId}` },
  },
  'GET /api/account-requests/{requestId}': {
    allow: ['customer', ...STAFF],
    otherAccount: NOT_FOUND,
  },
  'POST /api/account-requests/{requestId}/approve': { allow: STAFF_EDIT },
  'POST /api/account-requests/{requestId}/decline': { allow: STAFF_EDIT },

  // ordering
  'GET /api/orders/catalog/serials': {
    allow: ['customer', ...ORDER_READERS],
    noLeak: { query: (ids) => `?accountId=${ids.accountId}` },
  },
  'GET /api/orders/allowances/{reorderNumber}': { allow: ORDER_READERS },
  'PUT /api/orders/allowances/{reorderNumber}': { allow: OPS },
  'POST /api/orders': {
    allow: ['customer', 'helpdesk', 'admin'],
    otherAccount: {
      status: 404,
      body: (ids) => ({
        serial: ids.serial,
        rows: [
          { reorderNumber: ids.reorderNumber, fullCartonsOnsite: 0, bottlesOnsite: 0, quantity: 1 },
        ],
      }),
    },
  },
  'GET /api/orders': {
    allow: ['customer', ...ORDER_READERS],
    noLeak: { query: (ids) => `?accountId=${ids.accountId}` },
  },
  'GET /api/orders/{order}': { allow: ['customer', ...ORDER_READERS], otherAccount: NOT_FOUND },
  'POST /api/orders/{order}/release': { allow: STAFF_EDIT },
  'POST /api/orders/{order}/cancel': {
    allow: ['customer', ...STAFF_EDIT],
    otherAccount: { status: 404, body: () => ({ reason: 'not mine to cancel' }) },
  },

  // notifications
  'GET /api/emails': { allow: OPS },

  // operations
  'GET /api/audit': { allow: OPS },
  'GET /api/audit/accounts/{accountId}': { allow: STAFF_EDIT },
  'GET /api/dead-letters': { allow: OPS },
  'POST /api/dead-letters/{id}/replay': { allow: OPS },
  'GET /api/ops/overview': { allow: OPS },

  // telemetry (customers: their own account; the helpdesk and admins: any)
  'POST /api/telemetry/agents': { allow: ['customer', ...STAFF_EDIT] },
  'GET /api/telemetry/agents': {
    allow: ['customer', ...STAFF_EDIT],
    noLeak: { query: (ids) => `?accountId=${ids.accountId}` },
  },
  'DELETE /api/telemetry/agents/{agentId}': {
    allow: ['customer', ...STAFF_EDIT],
    params: { agentId: '00000000-0000-4000-8000-000000000000' },
  },
  'POST /api/telemetry/readings': { allow: 'agents' },
  'GET /api/telemetry/fleet': {
    allow: ['customer', ...STAFF_EDIT],
    noLeak: { query: (ids) => `?accountId=${ids.accountId}` },
  },
  'GET /api/telemetry/devices/{serial}/suggestions': {
    allow: ['customer', ...STAFF_EDIT],
    otherAccount: NOT_FOUND,
  },
  'GET /api/telemetry/settings': {
    allow: ['customer', ...STAFF_EDIT],
    noLeak: { query: (ids) => `?accountId=${ids.accountId}` },
  },
  'PUT /api/telemetry/settings': {
    allow: ['customer', ...STAFF_EDIT],
    otherAccount: { status: 404, body: (ids) => ({ accountId: ids.accountId }) },
  },
  'GET /api/telemetry/ops/ingest': { allow: OPS },
};
