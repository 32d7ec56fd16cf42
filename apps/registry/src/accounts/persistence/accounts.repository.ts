import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ShipToAddress } from '@metered/contracts';
import { EventOutbox, OutgoingEvent, withOutbox } from '@metered/event-platform';
import type { Account } from '../domain/account';
import { ACCOUNT_SEARCH_LIMIT, AccountSearch } from '../domain/account-search';
import { ACCOUNT, AccountDocument } from './account.schema';

function toAccount(document: AccountDocument): Account {
  const { line1, line2, city, state, postalCode, country } = document.shipTo;
  return {
    accountId: document.accountId,
    registrationId: document.registrationId,
    company: document.company,
    country: document.country,
    shipTo: {
      line1,
      ...(line2 ? { line2 } : {}),
      city,
      ...(state ? { state } : {}),
      postalCode,
      country,
    },
    approvedSerials: [...document.approvedSerials],
    createdAt: document.createdAt,
  };
}

/** What a decision on a locked account wants written: a new address and its events. */
export interface AccountChange {
  shipTo: ShipToAddress;
  events: OutgoingEvent[];
}

@Injectable()
export class AccountsRepository {
  constructor(
    @InjectModel(ACCOUNT) private readonly accounts: Model<AccountDocument>,
    private readonly outbox: EventOutbox,
  ) {}

  async findById(accountId: string): Promise<Account | undefined> {
    const document = await this.accounts.findById(accountId).lean<AccountDocument>();
    return document ? toAccount(document) : undefined;
  }

  /** Accounts whose company matches, or with one of these ids; company order, at most 50. */
  async search(search: AccountSearch, accountIds: readonly string[]): Promise<Account[]> {
    const documents = await this.accounts
      .find({
        $or: [{ company: { $regex: search.companyPattern } }, { _id: { $in: [...accountIds] } }],
      })
      .sort({ company: 1, _id: 1 })
      .limit(ACCOUNT_SEARCH_LIMIT)
      .lean<AccountDocument[]>();
    return documents.map(toAccount);
  }

  /**
   * Creates the account once: a repeat (redelivered approval) finds the existing one, which
   * is returned so linking continues with what was stored first.
   */
  async createOnce(account: Account): Promise<Account> {
    try {
      await this.outbox.insert(this.accounts, { _id: account.accountId, ...account }, []);
      return account;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const existing = await this.findById(account.accountId);
      if (!existing) throw error;
      return existing;
    }
  }

  /**
   * Read-decide-write on one account under its lock: `decide` sees the current account and
   * returns the change with its events (one write), or undefined to leave it alone. Returns
   * the account as it is afterwards, undefined when there is no such account.
   */
  async change(
    accountId: string,
    decide: (account: Account) => AccountChange | undefined,
  ): Promise<Account | undefined> {
    const result = await this.outbox.withLock(this.accounts, accountId, async () => {
      const document = await this.accounts.findById(accountId).lean<AccountDocument>();
      if (!document) return undefined;
      const account = toAccount(document);
      const change = decide(account);
      if (!change) return { account, events: 0 };
      await this.accounts
        .updateOne(
          { _id: accountId },
          withOutbox({ $set: { shipTo: change.shipTo } }, change.events),
        )
        .exec();
      return { account: { ...account, shipTo: change.shipTo }, events: change.events.length };
    });
    if (result && result.events > 0) this.outbox.nudge(this.accounts);
    return result?.account;
  }
}
