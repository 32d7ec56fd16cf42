import type { AutoOrderTrigger } from '@metered/contracts';
import type { ReplenishmentOutcomeKind } from './replenishment-decision';

/**
 * What ordering did with one ReplenishmentRequested, kept per requestId: a redelivered request
 * finds it and does nothing, and the helpdesk (or a test) can see why no order came.
 */
export interface ReplenishmentRecord {
  requestId: string;
  accountId: string;
  serial: string;
  reorderNumber: string;
  quantity: number;
  trigger: AutoOrderTrigger;
  requestedAt: Date;
  outcome: ReplenishmentOutcomeKind;
  /** Why it was skipped or refused. */
  reason?: string;
  /** The order placed (or held), or the open order that made it skip. */
  orderId?: string;
  orderNumber?: string;
  decidedAt: Date;
}
