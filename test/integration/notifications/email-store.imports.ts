import { MongooseModule } from '@nestjs/mongoose';
import { contractsCatalog } from '@metered/contracts';
import { EventPlatformModule } from '@metered/event-platform';
import {
  EMAIL_MODEL,
  EMAILS_COLLECTION,
  EmailSchema,
} from '../../../apps/notifications/src/emails/persistence/email.schema';
import { databaseUri, testInfrastructure } from '../../support/event-platform/probe-event';

/**
 * What a test module needs to run notifications' email store on the real database: the
 * service's own database, the emails collection, and the event platform without its relay.
 */
export function emailStoreImports(service: string, { monitorCommands = false } = {}) {
  return [
    // monitorCommands: a suite that counts the database commands of the code under test
    // listens to the driver's `commandStarted` on this connection.
    MongooseModule.forRoot(databaseUri(service), {
      serverSelectionTimeoutMS: 5000,
      monitorCommands,
    }),
    MongooseModule.forFeature([
      { name: EMAIL_MODEL, schema: EmailSchema, collection: EMAILS_COLLECTION },
    ]),
    EventPlatformModule.forRoot({
      service,
      catalog: contractsCatalog,
      relay: { enabled: false },
      infrastructure: testInfrastructure(),
      correlationMiddleware: false,
    }),
  ];
}
