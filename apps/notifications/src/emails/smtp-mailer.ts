import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config/notifications.config';
import { OutgoingEmail } from './domain/email';

/** Hands emails to the SMTP server (Mailpit in dev and tests) with nodemailer. */
@Injectable()
export class SmtpMailer implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(@Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig) {
    // Pooled: a few kept-alive connections (one per sending slot) instead of a connect,
    // greeting and EHLO per email. Short timeouts: a hung server must not hold a claimed
    // email for minutes.
    this.transport = createTransport({
      url: config.smtpUrl,
      pool: true,
      maxConnections: config.sendConcurrency,
      maxMessages: 100,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /** Resolves once the server accepted the email; throws the nodemailer error otherwise. */
  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      // A stable Message-ID lets receiving servers drop the copy a crash-and-retry may send.
      messageId: `<${email.messageId.replace(/[^A-Za-z0-9.-]/g, '.')}@metered-supplies>`,
      headers: { 'X-Metered-Message-Id': email.messageId },
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
