import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox } from '@metered/event-platform';
import type { AccountRecipient } from '../domain/account-recipients';
import {
  ACCOUNT_RECIPIENTS_MODEL,
  AccountRecipientsDocument,
  ParkedOrderEvent,
} from './account-recipient.schema';

export interface AccountRecipientsState {
  recipients: AccountRecipient[];
  parkedOrderEvents: ParkedOrderEvent[];
}

/**
 * Identity's user events (two topics) and the order events (a third) all write one account's
 * document, maybe in several replicas at once, so every read-decide-write runs under the
 * account's lock: FerretDB updates are read-then-overwrite and would otherwise lose a user
 * or park an order event right after the recipients arrived.
 */
@Injectable()
export class AccountRecipientsRepository {
  constructor(
    @InjectModel(ACCOUNT_RECIPIENTS_MODEL)
    private readonly accounts: Model<AccountRecipientsDocument>,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  /** The account's known recipients, read without the lock (for senders that write nothing). */
  async recipientsOf(accountId: string): Promise<AccountRecipient[]> {
    const stored = await this.accounts.findById(accountId, { recipients: 1 }).lean();
    return stored?.recipients ?? [];
  }

  /** Runs `work` with the account's current state and stores what it returns (if it changed). */
  update(
    accountId: string,
    work: (current: AccountRecipientsState) => Promise<AccountRecipientsState>,
  ): Promise<void> {
    return this.outbox.withLock(this.accounts, accountId, async () => {
      const stored = await this.accounts.findById(accountId).lean();
      const current: AccountRecipientsState = {
        recipients: stored?.recipients ?? [],
        parkedOrderEvents: stored?.parkedOrderEvents ?? [],
      };
      const next = await work(current);
      if (stored && next === current) return;
      await this.accounts.updateOne(
        { _id: accountId },
        {
          $set: {
            recipients: next.recipients,
            parkedOrderEvents: next.parkedOrderEvents,
            updatedAt: new Date(),
          },
        },
        { upsert: true },
      );
    });
  }
}
