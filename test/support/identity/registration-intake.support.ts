/**
 * What the identity registration tests need besides the public API: the events identity
 * publishes (read from real Kafka), a SerialsValidated as the registry would publish it, and
 * a look into identity's own database to prove that a refused request stored nothing.
 */
import mongoose, { Connection } from 'mongoose';
import {
  SerialCheckResult,
  SerialsValidatedEvent,
  SerialsValidatedPayload,
  Topics,
} from '@metered/contracts';
import { createEnvelope, EventEnvelope } from '@metered/event-platform';
import { databaseUri } from '../event-platform/probe-event';
import { KafkaTestClient, SeenMessage } from '../event-platform/kafka-test-client';
import { waitFor } from '../event-platform/wait-for';

/** Identity's events as a test reader sees them (every type on identity.registration.v1). */
export class RegistrationEvents {
  private seen: SeenMessage[] = [];

  constructor(private readonly kafka: KafkaTestClient) {}

  async start(): Promise<void> {
    this.seen = await this.kafka.collect([Topics.IdentityRegistration]);
  }

  of<P>(type: string, registrationId: string): EventEnvelope<P>[] {
    return this.seen
      .filter((message) => message.key === registrationId && message.value)
      .map((message) => JSON.parse(message.value as string) as EventEnvelope<P>)
      .filter((envelope) => envelope.type === type);
  }

  /** Waits for the first event of `type` about the registration. */
  waitFor<P>(type: string, registrationId: string, timeoutMs = 30000): Promise<EventEnvelope<P>> {
    return waitFor(
      `${type} for ${registrationId}`,
      () => this.of<P>(type, registrationId)[0],
      timeoutMs,
    );
  }
}

/**
 * Publishes the registry's verdict as the registry would (a real envelope on the real topic).
 * `checkedAt` defaults to an hour ahead: identity keeps the newest check of a pending
 * request, so the registry's own (earlier) answer for the same request cannot replace this
 * one, whichever arrives first.
 */
export async function publishSerialChecks(
  kafka: KafkaTestClient,
  registrationId: string,
  results: SerialCheckResult[],
  checkedAt = new Date(Date.now() + 3_600_000),
): Promise<EventEnvelope<SerialsValidatedPayload>> {
  const payload: SerialsValidatedPayload = {
    registrationId,
    country: 'US',
    results,
    allEligible: results.every((result) => result.outcome === 'eligible'),
    checkedAt: checkedAt.toISOString(),
  };
  const envelope = createEnvelope(SerialsValidatedEvent, payload, { producer: 'registry' });
  await kafka.produce(Topics.RegistrySerialCheck, [
    { key: envelope.key, value: JSON.stringify(envelope) },
  ]);
  return envelope;
}

export function eligible(serial: string): SerialCheckResult {
  return {
    serial,
    outcome: 'eligible',
    message: 'Covered by an active Metered Supplies contract.',
  };
}

export function unknown(serial: string): SerialCheckResult {
  return { serial, outcome: 'unknown-serial', message: 'We do not know this serial number.' };
}

/** Identity's registrations collection, read directly (test database only). */
export class IdentityDatabase {
  private connection?: Connection;

  async open(): Promise<void> {
    this.connection = await mongoose.createConnection(databaseUri('identity')).asPromise();
  }

  /** How many registration requests carry this email (any status). */
  async registrationsFor(email: string): Promise<number> {
    if (!this.connection) throw new Error('open() first');
    return this.connection
      .collection('registrations')
      .countDocuments({ email: email.toLowerCase() });
  }

  async close(): Promise<void> {
    await this.connection?.close();
  }
}
