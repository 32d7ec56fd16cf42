/**
 * One notifications "replica" in the test process: the real order-email handler, email queue,
 * sender and SMTP transport on a real database and the stack's Mailpit, with a connection that
 * reports every command it sends. Several replicas on one database race like several
 * processes would (each has its own connection, sender and worker id).
 */
import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { EventEnvelope } from '@metered/event-platform';
import {
  NOTIFICATIONS_CONFIG,
  NotificationsConfig,
  readNotificationsConfig,
} from '../../../apps/notifications/src/config/notifications.config';
import { EmailQueue } from '../../../apps/notifications/src/emails/email-queue.service';
import { EmailSender } from '../../../apps/notifications/src/emails/email-sender.service';
import { EmailsRepository } from '../../../apps/notifications/src/emails/persistence/emails.repository';
import { RecipientCapsRepository } from '../../../apps/notifications/src/emails/persistence/recipient-caps.repository';
import { SmtpMailer } from '../../../apps/notifications/src/emails/smtp-mailer';
import { OrderEmailsEvents } from '../../../apps/notifications/src/order-emails/order-emails.events';
import { OrderEmailsService } from '../../../apps/notifications/src/order-emails/order-emails.service';
import {
  ACCOUNT_RECIPIENTS_COLLECTION,
  ACCOUNT_RECIPIENTS_MODEL,
  AccountRecipientsSchema,
} from '../../../apps/notifications/src/order-emails/persistence/account-recipient.schema';
import { AccountRecipientsRepository } from '../../../apps/notifications/src/order-emails/persistence/account-recipients.repository';
import { emailStoreImports } from './email-store.imports';

/** Commands that are the driver's own housekeeping, not the code's work. */
const HOUSEKEEPING = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'endSessions', 'buildInfo']);

export interface SentCommand {
  name: string;
  collection: string;
}

export interface NotificationsReplica {
  app: INestApplicationContext;
  events: OrderEmailsEvents;
  sender: EmailSender;
  /** Every command this replica sent since `commands.length = 0`. */
  commands: SentCommand[];
}

/** A consumed Kafka message as Nest's KafkaContext hands it to the handler. */
export function kafkaContextOf(event: EventEnvelope<object>, topic: string, offset = '1') {
  return {
    getMessage: () => ({
      key: Buffer.from(event.key),
      value: Buffer.from(JSON.stringify(event)),
      headers: { 'event-id': event.eventId, 'correlation-id': event.correlationId },
      offset,
    }),
    getTopic: () => topic,
    getPartition: () => 0,
  };
}

/**
 * Starts a replica; polls are rare (`pollIntervalMs` 60 s) so that what a test counts is the
 * event's own path, not a safety poll that happens to fall in the window.
 */
export async function startNotificationsReplica(
  service: string,
  overrides: Partial<NotificationsConfig> = {},
): Promise<NotificationsReplica> {
  const config: NotificationsConfig = {
    ...readNotificationsConfig({ smtpUrl: process.env.SMTP_URL } as never, {}),
    pollIntervalMs: 60_000,
    idlePollMaxMs: 60_000,
    ...overrides,
  };

  @Module({
    imports: [
      ...emailStoreImports(service, { monitorCommands: true }),
      MongooseModule.forFeature([
        {
          name: ACCOUNT_RECIPIENTS_MODEL,
          schema: AccountRecipientsSchema,
          collection: ACCOUNT_RECIPIENTS_COLLECTION,
        },
      ]),
    ],
    controllers: [OrderEmailsEvents],
    providers: [
      { provide: NOTIFICATIONS_CONFIG, useValue: config },
      EmailsRepository,
      RecipientCapsRepository,
      SmtpMailer,
      EmailSender,
      EmailQueue,
      AccountRecipientsRepository,
      OrderEmailsService,
    ],
  })
  class ReplicaModule {}

  const app = await NestFactory.createApplicationContext(ReplicaModule, { logger: ['error'] });
  await app.init();
  const commands: SentCommand[] = [];
  const connection = app.get<Connection>(getConnectionToken());
  connection.getClient().on('commandStarted', (event) => {
    if (HOUSEKEEPING.has(event.commandName)) return;
    const collection = event.command[event.commandName];
    commands.push({
      name: event.commandName,
      collection: typeof collection === 'string' ? collection : '',
    });
  });
  return { app, events: app.get(OrderEmailsEvents), sender: app.get(EmailSender), commands };
}
