import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { contractsCatalog, SessionRevokedEvent, SessionRevokedPayload } from '@metered/contracts';
import { EventCatalog, EventRejectedError } from '@metered/event-platform';

/**
 * The evolution rules of docs/events.md, checked the way a consumer reads: an additive change
 * (a new field, here from a newer producer) must not break a consumer built against v1, and
 * a new version is something an old consumer cannot read — so it is published side by side.
 */
function sessionRevokedFromNewerProducer(version = 1) {
  return {
    eventId: randomUUID(),
    type: 'SessionRevoked',
    version,
    occurredAt: new Date().toISOString(),
    producer: 'identity',
    correlationId: 'evolution-1',
    causationId: null,
    key: 'k',
    // A newer platform's envelope field: stripped, not refused.
    traceParent: '00-abc-def-01',
    payload: {
      sessionId: randomUUID(),
      userId: randomUUID(),
      reason: 'admin',
      revokedAt: new Date().toISOString(),
      accessTokensExpireBy: new Date().toISOString(),
      // Added in place by a later contract revision (additive: optional for producers).
      revokedBy: { userId: randomUUID(), email: 'ops@example.com' },
    },
  };
}

describe('schema evolution', () => {
  it('an old consumer reads a newer event with an extra field and never sees the field', async () => {
    const oldConsumer = new EventCatalog([SessionRevokedEvent]);
    const message = sessionRevokedFromNewerProducer();
    const { envelope } = await oldConsumer.decode(JSON.parse(JSON.stringify(message)));
    expect(envelope.payload).toBeInstanceOf(SessionRevokedPayload);
    expect(envelope.payload).toMatchObject({ reason: 'admin', userId: message.payload.userId });
    expect(envelope.payload).not.toHaveProperty('revokedBy');
    expect(envelope).not.toHaveProperty('traceParent');
  });

  it('the full contracts catalog reads it too (what every service runs)', async () => {
    await expect(contractsCatalog.decode(sessionRevokedFromNewerProducer())).resolves.toBeDefined();
  });

  it('a new version is not readable by a v1 consumer: breaking changes are published side by side', async () => {
    const rejection = contractsCatalog.decode(sessionRevokedFromNewerProducer(2));
    await expect(rejection).rejects.toBeInstanceOf(EventRejectedError);
    await expect(rejection).rejects.toMatchObject({ reason: 'unknown-event' });
  });

  it('a field the consumer relies on going missing is a breaking change: refused', async () => {
    const message = sessionRevokedFromNewerProducer();
    delete (message.payload as Partial<typeof message.payload>).userId;
    await expect(contractsCatalog.decode(message)).rejects.toMatchObject({
      reason: 'invalid-payload',
    });
  });
});
