/**
 * Why each database command of an order's path is there: who sends it and what for. The
 * accounting table gives every measured command its reason from here; a command that matches
 * nothing is shown as unexplained, so a new one cannot hide. Keep it in step with the code.
 */
interface Rule {
  service?: string;
  collection: RegExp;
  command?: RegExp;
  context?: string;
  component: string;
  reason: string;
}

const ANY_WRITE = /^(insert|update|delete|findAndModify)$/;

const LOCK = 'FerretDB 1.24 has no conditional update: a lock document around read-decide-write';

/** First match wins: service-specific rules before the general ones. */
export const COMMAND_REASONS: readonly Rule[] = [
  // any service, on a request: the auth guard
  {
    collection: /^(sessions|revoked_sessions|session_revocations)$/,
    context: 'request',
    component: 'auth guard',
    reason: "is the access token's session revoked",
  },
  // ordering: the request path of POST /orders
  {
    service: 'ordering',
    collection: /^idempotency_keys$/,
    component: 'placement (POST /orders)',
    reason: 'Idempotency-Key: the answer already given to a retried request',
  },
  {
    service: 'ordering',
    collection: /^allowances$/,
    context: 'request',
    component: 'placement (POST /orders)',
    reason: "the ordered item's allowance (over-ordering guard)",
  },
  {
    service: 'ordering',
    collection: /^orders$/,
    command: /^insert$/,
    context: 'request',
    component: 'placement (POST /orders)',
    reason: 'the order and its OrderPlaced outbox entry in one document',
  },
  {
    service: 'ordering',
    collection: /^orders$/,
    command: /^(find|aggregate|count)$/,
    context: 'request',
    component: 'placement (POST /orders)',
    reason: "the serial's open orders (the chain the cumulative allowance is checked against)",
  },
  {
    service: 'ordering',
    collection: /^orders$/,
    command: /^update$/,
    context: 'request',
    component: 'placement (POST /orders)',
    reason: "linking the serial's order chain",
  },
  {
    service: 'ordering',
    collection: /^(serials|accounts)$/,
    context: 'request',
    component: 'placement (POST /orders)',
    reason: 'read model of the serial / account (fed by registry events)',
  },
  {
    service: 'ordering',
    collection: /^orders$/,
    context: 'event',
    component: 'ordering: fulfilment consumer',
    reason: 'a shipment event changes the order (fulfilment simulator)',
  },
  {
    service: 'ordering',
    collection: /^document_locks$/,
    context: 'event',
    component: 'ordering: fulfilment consumer',
    reason: LOCK,
  },
  // notifications: the order email handler and the email sender (whose delivery runs in the
  // flow of the event that caused the email, so its sent mark counts as `event`)
  {
    service: 'notifications',
    collection: /^emails$/,
    command: /^insert$/,
    context: 'event',
    component: 'order email handler',
    reason: 'queue the email (and its outbox entry)',
  },
  {
    service: 'notifications',
    collection: /^(account_recipients|registration_contacts)$/,
    context: 'event',
    component: 'order email handler',
    reason: "the account's recipients (read model)",
  },
  {
    service: 'notifications',
    collection: /^emails$/,
    command: /^find$/,
    context: 'event',
    component: 'email sender (sent mark) / handler',
    reason: 'read the email under its lock to record it sent',
  },
  {
    service: 'notifications',
    collection: /^emails$/,
    command: /^update$/,
    context: 'event',
    component: 'email sender (sent mark)',
    reason: 'record it sent with its EmailSent outbox entry',
  },
  {
    service: 'notifications',
    collection: /^document_locks$/,
    context: 'event',
    component: 'email sender (sent mark)',
    reason: LOCK,
  },
  {
    service: 'notifications',
    collection: /^emails$/,
    command: /^find$/,
    context: 'background',
    component: 'email sender / outbox relay',
    reason:
      'due emails (queued, expired claims), the claim’s read under the lock, and the relay’s pending EmailSent entries',
  },
  {
    service: 'notifications',
    collection: /^emails$/,
    command: /^update$/,
    context: 'background',
    component: 'email sender (claim) / outbox relay',
    reason: "the claim (status sending) and the relay's removal of the published EmailSent entry",
  },
  {
    service: 'notifications',
    collection: /^document_locks$/,
    context: 'background',
    component: 'email sender (claim) / outbox relay',
    reason: LOCK,
  },
  {
    service: 'operations',
    collection: /./,
    context: 'event',
    component: 'operations: audit consumer',
    reason: 'audit trail entry per event',
  },
  // outbox relays (every service with an outbox)
  {
    collection: /^outbox_relay_leases$/,
    component: 'outbox relay',
    reason: 'relay lease: one replica publishes at a time',
  },
  {
    collection: /^document_locks$/,
    context: 'background',
    component: 'outbox relay',
    reason: LOCK,
  },
  {
    collection: /^document_locks$/,
    context: 'after-response',
    component: 'outbox relay (woken by a write)',
    reason: LOCK,
  },
  {
    collection: /./,
    command: /^(find|aggregate|count|getMore)$/,
    context: 'background',
    component: 'outbox relay / poller',
    reason: 'poll for pending outbox entries or due work',
  },
  {
    collection: /./,
    command: /^(find|aggregate|count|getMore)$/,
    context: 'after-response',
    component: 'outbox relay (woken by a write)',
    reason: 'read the entries to publish',
  },
  {
    collection: /./,
    command: /^(update|delete|findAndModify)$/,
    context: 'background',
    component: 'outbox relay',
    reason: 'remove the published entry from its document',
  },
  {
    collection: /./,
    command: /^(update|delete|findAndModify)$/,
    context: 'after-response',
    component: 'outbox relay (woken by a write)',
    reason: 'remove the published entry from its document',
  },
  // consumers
  {
    collection: /^processed_events$/,
    command: /^(find|count)$/,
    context: 'event',
    component: 'event consumer (inbox)',
    reason: 'was this event handled already (one effect per event)',
  },
  {
    collection: /^processed_events$/,
    command: ANY_WRITE,
    context: 'event',
    component: 'event consumer (inbox)',
    reason: 'record the event as handled',
  },
  {
    collection: /^processed_events$/,
    command: /^delete$/,
    context: 'background',
    component: 'inbox pruner',
    reason: 'forget handled event ids past the retention',
  },
  { collection: /^document_locks$/, context: 'event', component: 'event consumer', reason: LOCK },
  {
    collection: /./,
    command: ANY_WRITE,
    context: 'event',
    component: 'event consumer',
    reason: 'read model fed by its events',
  },
  {
    collection: /./,
    context: 'event',
    component: 'event consumer',
    reason: 'read before handling the event',
  },
];

const FALLBACK: Record<string, string> = {
  request: 'HTTP request handler',
  'after-response': 'work a request left running',
  event: 'event consumer',
  background: 'background poller / relay',
};

/** The component that sends a command and why; unexplained commands say so. */
export function describeCommand(
  service: string,
  collection: string,
  command: string,
  context: string,
): { component: string; reason: string } {
  const rule = COMMAND_REASONS.find(
    (r) =>
      (r.service === undefined || r.service === service) &&
      r.collection.test(collection) &&
      (r.command === undefined || r.command.test(command)) &&
      (r.context === undefined || r.context === context),
  );
  return rule
    ? { component: rule.component, reason: rule.reason }
    : {
        component: FALLBACK[context] ?? context,
        reason: '**unexplained** — add it to tools/bench/src/accounting/command-reasons.ts',
      };
}
