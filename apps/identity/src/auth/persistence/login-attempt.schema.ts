import { Schema } from 'mongoose';

export const LOGIN_ATTEMPTS_COLLECTION = 'login_attempts';
export const LOGIN_ATTEMPT_MODEL = 'LoginAttempt';

/** One per lower-cased email that failed recently (known or not). */
export interface LoginAttemptDocument {
  _id: string;
  failures: number;
  lockedUntil: Date | null;
  updatedAt: Date;
}

export const LoginAttemptSchema = new Schema<LoginAttemptDocument>(
  {
    _id: { type: String, required: true },
    failures: { type: Number, required: true },
    lockedUntil: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
LoginAttemptSchema.index({ updatedAt: 1 });
