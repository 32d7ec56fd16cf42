import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';
import type { IdempotencyClaim } from '../domain/idempotency';

export const IDEMPOTENCY_KEY = 'IdempotencyKey';

interface ClaimDocument extends IdempotencyClaim {
  /** `<accountId>:<key>`: a key belongs to one account; two accounts may use the same. */
  _id: string;
}

export const IdempotencyKeySchema = new Schema<ClaimDocument>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    key: { type: String, required: true },
    requestHash: { type: String, required: true },
    orderId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'idempotency_keys' },
);

const DUPLICATE_KEY = 11000;

function idOf(accountId: string, key: string): string {
  return `${accountId}:${key}`;
}

function toClaim({ _id: _ignored, ...claim }: ClaimDocument): IdempotencyClaim {
  return claim;
}

export abstract class IdempotencyKeysRepository {
  abstract find(accountId: string, key: string): Promise<IdempotencyClaim | null>;
  /**
   * Claims the key for a request: an insert into the primary key, the one write FerretDB
   * makes atomic, so of two concurrent requests exactly one wins. False when taken.
   */
  abstract claim(claim: IdempotencyClaim): Promise<boolean>;
  /** Frees a claim whose order was never stored (the request failed after claiming). */
  abstract release(claim: IdempotencyClaim): Promise<void>;
}

@Injectable()
export class MongoIdempotencyKeysRepository extends IdempotencyKeysRepository {
  constructor(@InjectModel(IDEMPOTENCY_KEY) private readonly model: Model<ClaimDocument>) {
    super();
  }

  async find(accountId: string, key: string): Promise<IdempotencyClaim | null> {
    const document = await this.model.findById(idOf(accountId, key)).lean<ClaimDocument>();
    return document ? toClaim(document) : null;
  }

  async claim(claim: IdempotencyClaim): Promise<boolean> {
    try {
      await this.model.create({ _id: idOf(claim.accountId, claim.key), ...claim });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async release(claim: IdempotencyClaim): Promise<void> {
    // Only this claim (same order id): a newer claim that took over is left alone.
    await this.model
      .deleteOne({ _id: idOf(claim.accountId, claim.key), orderId: claim.orderId })
      .exec();
  }
}
