import { EmailContent, formatUtc, helpdeskLine, renderEmail } from './email-layout';
import { shipToLine } from './order-details';

export interface ShipToChangedInput {
  /** The account user greeted, when their name is known. */
  recipientName?: string;
  previous: Parameters<typeof shipToLine>[0];
  shipTo: Parameters<typeof shipToLine>[0];
  changedAt: string;
}

/** The helpdesk changed the account's ship-to address: old and new, and when it applies. */
export function shipToChangedEmail(input: ShipToChangedInput): EmailContent {
  // The account's country: the helpdesk that answers for the new address.
  const country = input.shipTo.country;
  return renderEmail({
    subject: 'Your Metered Supplies ship-to address was changed',
    greetingName: input.recipientName?.trim() || 'Metered Supplies customer',
    country,
    blocks: [
      {
        kind: 'paragraph',
        text: `The Supplies Helpdesk changed the ship-to address of your Metered Supplies account on ${formatUtc(input.changedAt)}. Orders placed from now on are delivered to the new address; orders placed before keep the address they were placed with.`,
      },
      {
        kind: 'list',
        items: [
          `New address: ${shipToLine(input.shipTo)}`,
          `Previous address: ${shipToLine(input.previous)}`,
        ],
      },
      {
        kind: 'paragraph',
        text: `If you did not ask for this change, call the Supplies Helpdesk on ${helpdeskLine(country)} before you place your next order.`,
      },
    ],
  });
}
