import type { DeviceSilentPayload } from '@metered/contracts';
import { EmailContent, formatUtc, renderEmail } from './email-layout';

export interface DeviceSilentEmailInput {
  recipientName?: string;
  country: string;
  alert: Pick<DeviceSilentPayload, 'serial' | 'lastReadAt' | 'silentAfterDays'>;
}

/**
 * DeviceSilent: no reading for the account's silence period, so supply levels and forecasts
 * for the device go stale and no automatic order can follow. Sent once per silence.
 */
export function deviceSilentEmail(input: DeviceSilentEmailInput): EmailContent {
  const { alert } = input;
  const since = alert.lastReadAt
    ? `Device ${alert.serial} has sent no reading since ${formatUtc(alert.lastReadAt)} (over ${alert.silentAfterDays} day${alert.silentAfterDays === 1 ? '' : 's'}).`
    : `Device ${alert.serial} has never sent a reading.`;
  return renderEmail({
    subject: `Device ${alert.serial} silent`,
    greetingName: input.recipientName?.trim() || 'customer',
    country: input.country,
    blocks: [
      { kind: 'paragraph', text: since },
      {
        kind: 'paragraph',
        text: 'Until it reports again we cannot see its supply levels, so we cannot warn you before a supply runs out or order it automatically.',
      },
      {
        kind: 'list',
        items: [
          'Check that the device is switched on and connected to the network.',
          'Check that the data collection agent at your site is running.',
        ],
      },
    ],
  });
}
