/** How the portal names an order's channel (`web`, `helpdesk`, `auto`). */

/** Short, for tables: "Portal", "Helpdesk", "Automatic (from device telemetry)". */
export function channelLabel(channel: string | undefined): string {
  if (channel === 'helpdesk') return 'Helpdesk';
  if (channel === 'auto') return 'Automatic (from device telemetry)';
  return 'Portal';
}

/** After "Ordered through" / "via": who placed it, in the page's own words for the others. */
export function channelPhrase(
  channel: string | undefined,
  words: { helpdesk: string; portal: string } = {
    helpdesk: 'the Supplies Helpdesk',
    portal: 'this portal',
  },
): string {
  if (channel === 'helpdesk') return words.helpdesk;
  if (channel === 'auto') return 'automatic replenishment (from device telemetry)';
  return words.portal;
}

/** The reading an automatic order came from, as the order carries it. */
export interface OrderTriggerView {
  reason: 'days-to-empty' | 'below-threshold' | string;
  supply: { description: string; level: number; maxCapacity: number; percent?: number };
  forecast?: { state: string; daysToEmpty?: number };
  readAt: string;
}

/** "Black Toner Cartridge at 8%, about 6 days to empty" — why an automatic order was placed. */
export function triggerSummary(trigger: OrderTriggerView): string {
  const { supply, forecast } = trigger;
  const level =
    supply.percent !== undefined
      ? `at ${Math.round(supply.percent)}%`
      : supply.level === -3
        ? 'with some remaining'
        : 'low';
  const days =
    forecast?.state === 'forecast' && forecast.daysToEmpty !== undefined
      ? `, about ${Math.round(forecast.daysToEmpty)} days to empty`
      : '';
  return `${supply.description} ${level}${days}`;
}
