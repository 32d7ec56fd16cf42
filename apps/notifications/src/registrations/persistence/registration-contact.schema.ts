import { Schema } from 'mongoose';
import type { SerialCheckOutcome } from '@metered/contracts';

export const REGISTRATION_CONTACTS_COLLECTION = 'registration_contacts';
export const REGISTRATION_CONTACT_MODEL = 'RegistrationContact';

export interface RegistrationContact {
  email: string;
  contactName: string;
  company: string;
  country: string;
}

/** A SerialsValidated that arrived before its RegistrationRequested, kept until it can be mailed. */
export interface ParkedCheck {
  eventId: string;
  correlationId: string;
  results: { serial: string; outcome: SerialCheckOutcome; message: string }[];
  parkedAt: Date;
}

/**
 * Notifications' own small read model of registrations (from RegistrationRequested): who to
 * write to about a registration, since later events about it carry only its id.
 */
export interface RegistrationContactDocument {
  /** registrationId */
  _id: string;
  contact?: RegistrationContact;
  parkedChecks: ParkedCheck[];
  updatedAt: Date;
}

const ContactSchema = new Schema<RegistrationContact>(
  {
    email: { type: String, required: true },
    contactName: { type: String, required: true },
    company: { type: String, required: true },
    country: { type: String, required: true },
  },
  { _id: false },
);

const ParkedCheckSchema = new Schema<ParkedCheck>(
  {
    eventId: { type: String, required: true },
    correlationId: { type: String, required: true },
    results: { type: [{ serial: String, outcome: String, message: String, _id: false }] },
    parkedAt: { type: Date, required: true },
  },
  { _id: false },
);

export const RegistrationContactSchema = new Schema<RegistrationContactDocument>(
  {
    _id: { type: String, required: true },
    contact: { type: ContactSchema, required: false },
    parkedChecks: { type: [ParkedCheckSchema], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: REGISTRATION_CONTACTS_COLLECTION },
);
