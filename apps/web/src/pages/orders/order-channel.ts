/**
 * How an order reached ordering (`channel` of the order), in the words each page uses.
 * `auto` orders are placed by the telemetry service from what the devices report, when the
 * account has automatic replenishment on.
 */
const LABELS: Record<string, string> = {
  portal: 'Portal',
  helpdesk: 'Helpdesk',
  auto: 'Automatic (from device telemetry)',
};

/** "Portal", "Helpdesk", "Automatic (from device telemetry)" — for tables and short facts. */
export function channelLabel(channel: string | undefined): string {
  return LABELS[channel ?? 'portal'] ?? channel ?? 'Portal';
}

/**
 * Where an order came from inside a sentence ("Ordered through …", "via …"): "this portal",
 * "the Supplies Helpdesk", or "Automatic (from device telemetry)" for `auto`.
 */
export function channelPhrase(channel: string | undefined, audience: 'customer' | 'staff'): string {
  if (channel === 'auto') return LABELS.auto;
  if (channel === 'helpdesk')
    return audience === 'customer' ? 'the Supplies Helpdesk' : 'the helpdesk';
  return audience === 'customer' ? 'this portal' : 'the portal';
}
