import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox } from '@metered/event-platform';
import type { AccountView } from '../domain/account-view';
import { ACCOUNT_VIEW } from './read-model.schemas';

interface AccountViewDocument extends Omit<AccountView, 'accountId'> {
  _id: string;
}

export abstract class AccountsRepository {
  abstract findById(accountId: string): Promise<AccountView | null>;
  /** Stores the account unless a newer copy is already there; true when written. */
  abstract save(account: AccountView): Promise<boolean>;
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
    const document = await this.model.findById(accountId).lean<AccountViewDocument>();
    if (!document) return null;
    const { _id, ...rest } = document;
    return { accountId: _id, ...rest };
  }

  save(account: AccountView): Promise<boolean> {
    return this.outbox.withLock(this.model, account.accountId, async () => {
      const current = await this.findById(account.accountId);
      if (current && current.approvedAt.getTime() > account.approvedAt.getTime()) return false;
      const { accountId, ...fields } = account;
      await this.model
        .replaceOne({ _id: accountId }, { _id: accountId, ...fields }, { upsert: true })
        .exec();
      return true;
    });
  }
}
