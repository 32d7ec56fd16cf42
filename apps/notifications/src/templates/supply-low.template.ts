import type { SupplyLowPayload } from '@metered/contracts';
import { EmailContent, renderEmail } from './email-layout';
import { readingItems, supplyName } from './supply-reading';

export interface SupplyLowEmailInput {
  recipientName?: string;
  /** The account's country (the helpdesk line); the device's is not in the event. */
  country: string;
  alert: Pick<SupplyLowPayload, 'serial' | 'supply' | 'forecast' | 'readAt'>;
  /** The portal's Order Supplies page for this device. */
  orderUrl: string;
}

/**
 * SupplyLow for an account without automatic replenishment: a person has to order, so the
 * email says which supply of which device, how low, how long it lasts, and where to order.
 */
export function supplyLowEmail(input: SupplyLowEmailInput): EmailContent {
  const { alert } = input;
  return renderEmail({
    subject: `Supply low on device ${alert.serial}`,
    greetingName: input.recipientName?.trim() || 'customer',
    country: input.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `Device ${alert.serial} reports that its ${supplyName(alert.supply)} is running low.`,
      },
      { kind: 'list', items: readingItems(alert) },
      {
        kind: 'paragraph',
        text: 'Automatic replenishment is off for your account, so nothing is ordered until you order it. Order now to have it onsite before it runs out:',
      },
      { kind: 'link', label: 'Order supplies', url: input.orderUrl },
    ],
  });
}
