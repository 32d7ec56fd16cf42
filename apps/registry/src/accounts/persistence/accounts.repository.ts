import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { Account } from '../domain/account';
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

@Injectable()
export class AccountsRepository {
  constructor(@InjectModel(ACCOUNT) private readonly accounts: Model<AccountDocument>) {}

  async findById(accountId: string): Promise<Account | undefined> {
    const document = await this.accounts.findById(accountId).lean<AccountDocument>();
    return document ? toAccount(document) : undefined;
  }

  /**
   * Creates the account once: a repeat (redelivered approval) finds the existing one, which
   * is returned so linking continues with what was stored first.
   */
  async createOnce(account: Account): Promise<Account> {
    try {
      await this.accounts.create({ _id: account.accountId, ...account });
      return account;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const existing = await this.findById(account.accountId);
      if (!existing) throw error;
      return existing;
    }
  }
}
