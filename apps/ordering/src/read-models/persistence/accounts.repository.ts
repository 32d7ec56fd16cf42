import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox } from '@metered/event-platform';
import { type AccountRecord, type AccountView, isApproved } from '../domain/account-view';
import { ACCOUNT_VIEW } from './read-model.schemas';

interface AccountViewDocument extends Omit<AccountRecord, 'accountId'> {
  _id: string;
}

export abstract class AccountsRepository {
  /** The account once approved (an address change alone does not make it orderable). */
  abstract findById(accountId: string): Promise<AccountView | null>;
  /** What is stored, approved or not (the placement cache keeps this). */
  abstract findRecord(accountId: string): Promise<AccountRecord | null>;
  /** Read-decide-write of one account under its lock; `decide` returns null to leave it. */
  abstract change(
    accountId: string,
    decide: (current: AccountRecord | null) => AccountRecord | null,
  ): Promise<boolean>;
}

@Injectable()
export class MongoAccountsRepository extends AccountsRepository {
  constructor(
    @InjectModel(ACCOUNT_VIEW) private readonly model: Model<AccountViewDocument>,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async findById(accountId: string): Promise<AccountView | null> {
    const record = await this.findRecord(accountId);
    return isApproved(record) ? record : null;
  }

  change(
    accountId: string,
    decide: (current: AccountRecord | null) => AccountRecord | null,
  ): Promise<boolean> {
    return this.outbox.withLock(this.model, accountId, async () => {
      const next = decide(await this.findRecord(accountId));
      if (!next) return false;
      const { accountId: id, ...fields } = next;
      await this.model.replaceOne({ _id: id }, { _id: id, ...fields }, { upsert: true }).exec();
      return true;
    });
  }

  async findRecord(accountId: string): Promise<AccountRecord | null> {
    const document = await this.model.findById(accountId).lean<AccountViewDocument>();
    if (!document) return null;
    const { _id, ...rest } = document;
    return { accountId: _id, ...rest };
  }
}
