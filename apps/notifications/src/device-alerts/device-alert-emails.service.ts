import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DeviceSilentPayload, SupplyLowPayload } from '@metered/contracts';
import { DEFAULT_COUNTRY_CODE } from '@metered/contracts/reference';
import type { EventEnvelope } from '@metered/event-platform';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import { EmailQueue } from '../emails/email-queue.service';
import { mailingList, type AccountRecipient } from '../order-emails/domain/account-recipients';
import { AccountRecipientsRepository } from '../order-emails/persistence/account-recipients.repository';
import { deviceSilentEmail } from '../templates/device-silent.template';
import type { EmailContent, TemplateName } from '../templates/email-layout';
import { supplyLowEmail } from '../templates/supply-low.template';

/**
 * Telemetry's alerts by email to every user of the device's account (the recipients order
 * emails use): a supply low when the account has no automatic replenishment (with it, the
 * automatic order's email says it all), and a device silent. One email per (event, user):
 * the email's id is its idempotency key, so a redelivery mails nobody twice. An alert for an
 * account with no known user yet is logged and dropped: unlike an order, it is only worth
 * reading now, and the next reading or silence brings a fresh one.
 */
@Injectable()
export class DeviceAlertEmailsService {
  private readonly logger = new Logger(DeviceAlertEmailsService.name);

  constructor(
    @Inject(EmailQueue) private readonly queue: EmailQueue,
    @Inject(AccountRecipientsRepository) private readonly accounts: AccountRecipientsRepository,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async onSupplyLow(event: EventEnvelope<SupplyLowPayload>): Promise<void> {
    const alert = event.payload;
    if (alert.autoReplenishment) return;
    const orderUrl = `${this.config.portalUrl}/order?serial=${encodeURIComponent(alert.serial)}`;
    await this.mail(event, alert.accountId, 'supply-low', (recipient) =>
      supplyLowEmail({
        recipientName: recipient.name,
        country: DEFAULT_COUNTRY_CODE,
        alert,
        orderUrl,
      }),
    );
  }

  async onDeviceSilent(event: EventEnvelope<DeviceSilentPayload>): Promise<void> {
    const alert = event.payload;
    await this.mail(event, alert.accountId, 'device-silent', (recipient) =>
      deviceSilentEmail({ recipientName: recipient.name, country: DEFAULT_COUNTRY_CODE, alert }),
    );
  }

  private async mail(
    event: EventEnvelope<object>,
    accountId: string,
    template: TemplateName,
    render: (recipient: AccountRecipient) => EmailContent,
  ): Promise<void> {
    const recipients = mailingList(await this.accounts.recipientsOf(accountId));
    if (recipients.length === 0) {
      this.logger.warn(
        `${event.type} ${event.eventId}: no known user of account ${accountId}; not mailed`,
      );
      return;
    }
    for (const recipient of recipients) {
      await this.queue.enqueue(
        template,
        event,
        recipient.email,
        render(recipient),
        recipient.userId,
      );
    }
  }
}
