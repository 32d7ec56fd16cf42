/**
 * Whose telemetry a page shows: a customer's own account (the service takes it from the
 * token, so no `accountId` is sent) or, for the helpdesk, the account chosen in the console.
 */
export interface TelemetryScope {
  /** Only for the helpdesk; customers' requests name no account. */
  accountId?: string;
  /** Where the agents page of this account is (the fleet's empty state links to it). */
  agentsPath: string;
  /** Where the fleet page of this account is (the agents page links back to it). */
  fleetPath: string;
  audience: 'customer' | 'helpdesk';
}

export function customerScope(): TelemetryScope {
  return { agentsPath: '/agents', fleetPath: '/fleet', audience: 'customer' };
}

export function helpdeskScope(accountId: string): TelemetryScope {
  const base = `/helpdesk/accounts/${encodeURIComponent(accountId)}`;
  return {
    accountId,
    agentsPath: `${base}/agents`,
    fleetPath: `${base}/fleet`,
    audience: 'helpdesk',
  };
}

/** `?accountId=…` for the helpdesk, nothing for a customer. */
export function accountQuery(scope: TelemetryScope): string {
  return scope.accountId ? `?accountId=${encodeURIComponent(scope.accountId)}` : '';
}
