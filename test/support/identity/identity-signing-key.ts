import { createPrivateKey, KeyObject } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { testStackEnv } from '../stack-env';

/**
 * identity's REAL signing key, read from the test database where the local stack's identity
 * keeps the key it generated. Attack suites sign with it so that only the claim under attack
 * can explain a refusal — and so they play an attacker who got hold of the key.
 */
export async function identitySigningKey(): Promise<{ kid: string; privateKey: KeyObject }> {
  const env = testStackEnv();
  const mongo = await MongoClient.connect(env.MONGO_URL);
  try {
    const stored = await mongo
      .db(`${env.MONGO_DB_PREFIX}_identity`)
      .collection<{ _id: string; kid: string; privateKeyPem: string }>('signing_keys')
      .findOne({ _id: 'current' });
    if (!stored) throw new Error("identity's signing key is not in the test database");
    return { kid: stored.kid, privateKey: createPrivateKey(stored.privateKeyPem) };
  } finally {
    await mongo.close();
  }
}
