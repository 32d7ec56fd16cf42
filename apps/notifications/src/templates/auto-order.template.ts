import type { AutoOrderTrigger, OrderHeldPayload } from '@metered/contracts';
import { EmailContent, helpdeskLine, renderEmail } from './email-layout';
import { greetingFor, OrderDetails, OrderEmailInput, orderBlocks } from './order-details';
import { readingItems, supplyName } from './supply-reading';

export type AutoOrder = OrderDetails & {
  trigger?: AutoOrderTrigger;
  holdReason?: OrderHeldPayload['holdReason'];
};

const REASONS: Record<AutoOrderTrigger['reason'], string> = {
  'days-to-empty': 'it will run out within the shipping time plus your safety margin',
  'below-threshold': 'its level fell below your low-supply threshold',
};

/**
 * OrderPlaced or OrderHeld of channel `auto`: nobody at the customer's site placed it, so the
 * email says it was automatic and why — the reading that triggered it — and, when held, that
 * the Supplies Helpdesk reviews it like any other order.
 */
export function autoOrderEmail(input: OrderEmailInput<AutoOrder>): EmailContent {
  const { order } = input;
  const held = order.holdReason !== undefined;
  const trigger = order.trigger;
  const supply = trigger ? supplyName(trigger.supply) : 'a supply';
  return renderEmail({
    subject: held
      ? `Automatic order ${order.orderNumber} placed and held for review`
      : `Automatic order ${order.orderNumber} placed`,
    greetingName: greetingFor(input),
    country: order.country,
    blocks: [
      {
        kind: 'paragraph',
        text: `Automatic replenishment placed order ${order.orderNumber} for device ${order.serial}: ${supply}${trigger ? `, because ${REASONS[trigger.reason]}` : ''}.`,
      },
      ...(trigger
        ? [
            { kind: 'paragraph' as const, text: 'The reading that triggered it:' },
            { kind: 'list' as const, items: readingItems(trigger) },
          ]
        : []),
      ...(held
        ? [
            { kind: 'paragraph' as const, text: `It is held for review. Why: ${order.holdReason}` },
            {
              kind: 'paragraph' as const,
              text: `The Supplies Helpdesk reviews it shortly and either releases it for shipping or cancels it; we email you either way. If it is urgent, call ${helpdeskLine(order.country)} and quote ${order.orderNumber}.`,
            },
          ]
        : [
            {
              kind: 'paragraph' as const,
              text: 'It passed every check and goes to shipping; we email you again when it ships.',
            },
          ]),
      ...orderBlocks(order),
    ],
  });
}
