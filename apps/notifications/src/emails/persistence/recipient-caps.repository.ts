import { Inject, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { EventOutbox } from '@metered/event-platform';
import { AdmittedEmail, decideCap } from '../domain/recipient-cap';

export const RECIPIENT_CAPS_COLLECTION = 'email_recipient_caps';

interface RecipientCapDocument {
  /** The recipient's address, lower-cased. */
  _id: string;
  recent: AdmittedEmail[];
}

/**
 * One document per recipient of capped emails: the capped emails admitted in the last hour.
 * Read, decided and written under the recipient's document lock (FerretDB updates are not
 * atomic against each other), so two replicas queueing for one address at once still admit
 * at most the limit. A document prunes itself on every decision.
 */
@Injectable()
export class RecipientCapsRepository {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  private get collection(): Collection<RecipientCapDocument> {
    return this.connection.collection<RecipientCapDocument>(RECIPIENT_CAPS_COLLECTION);
  }

  /** Whether the email may go out; when it may, it counts against the recipient's hour. */
  admit(to: string, messageId: string, now: Date, limit: number): Promise<boolean> {
    const named = { collection: { collectionName: RECIPIENT_CAPS_COLLECTION } };
    return this.outbox.withLock(named, to, async () => {
      const current = await this.collection.findOne({ _id: to });
      const decision = decideCap(current?.recent ?? [], messageId, now, limit);
      if (decision.admitted) {
        await this.collection.replaceOne(
          { _id: to },
          { recent: decision.recent },
          { upsert: true },
        );
      }
      return decision.admitted;
    });
  }
}
