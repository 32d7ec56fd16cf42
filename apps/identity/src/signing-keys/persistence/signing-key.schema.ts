import { Schema } from 'mongoose';

export const SIGNING_KEYS_COLLECTION = 'signing_keys';
export const SIGNING_KEY_MODEL = 'SigningKey';
/** The one current key's _id: inserting it is the atomic "first replica wins". */
export const CURRENT_KEY_ID = 'current';

export interface SigningKeyDocument {
  _id: string;
  kid: string;
  privateKeyPem: string;
  createdAt: Date;
}

export const SigningKeySchema = new Schema<SigningKeyDocument>(
  {
    _id: { type: String, required: true },
    kid: { type: String, required: true },
    privateKeyPem: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
