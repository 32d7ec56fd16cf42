import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { CURRENT_KEY_ID, SIGNING_KEY_MODEL, SigningKeyDocument } from './signing-key.schema';

/** Port: where the generated signing key lives when none is configured. */
export abstract class SigningKeysRepository {
  /** The stored current key's PEM, storing `candidate` first when there is none yet. */
  abstract currentOrInsert(candidate: () => { kid: string; pem: string }): Promise<string>;
}

@Injectable()
export class MongoSigningKeysRepository extends SigningKeysRepository {
  constructor(@InjectModel(SIGNING_KEY_MODEL) private readonly keys: Model<SigningKeyDocument>) {
    super();
  }

  async currentOrInsert(candidate: () => { kid: string; pem: string }): Promise<string> {
    const existing = await this.read();
    if (existing) return existing;
    const { kid, pem } = candidate();
    try {
      await this.keys.create({
        _id: CURRENT_KEY_ID,
        kid,
        privateKeyPem: pem,
        createdAt: new Date(),
      });
      return pem;
    } catch (error) {
      // Another replica started at the same moment and won the insert: use its key.
      if ((error as { code?: number }).code !== 11000) throw error;
      const winner = await this.read();
      if (!winner) throw error;
      return winner;
    }
  }

  private async read(): Promise<string | null> {
    const document = await this.keys.findById(CURRENT_KEY_ID).lean<SigningKeyDocument>().exec();
    return document?.privateKeyPem ?? null;
  }
}
