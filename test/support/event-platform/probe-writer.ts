import type { mongo } from 'mongoose';
import { PlatformProbeRecordedPayload } from '@metered/contracts';
import {
  createOutgoingEvent,
  DocumentLocks,
  EventDefinition,
  newDocumentWithOutbox,
  OutboxFields,
  withOutbox,
} from '@metered/event-platform';

interface ProbeDoc extends OutboxFields {
  _id: string;
  events: number;
}

/**
 * Appends `count` events to a probe document exactly as a service does: under the
 * document's lock, read the state, decide (the next sequence numbers), and write state and
 * events in one single-document write. Returns the new event ids in order.
 */
export async function appendProbeEvents(
  locks: DocumentLocks,
  collection: mongo.Collection,
  definition: EventDefinition<PlatformProbeRecordedPayload>,
  probeId: string,
  count: number,
  producer = 'integration-test',
): Promise<string[]> {
  const probes = collection as unknown as mongo.Collection<ProbeDoc>;
  return locks.withLock(collection.collectionName, probeId, async () => {
    const existing = await probes.findOne({ _id: probeId }, { projection: { events: 1 } });
    const from = existing?.events ?? 0;
    const events = Array.from({ length: count }, (_, i) =>
      createOutgoingEvent(definition, { probeId, sequence: from + i + 1 }, { producer }),
    );
    if (!existing) {
      await probes.insertOne(newDocumentWithOutbox({ _id: probeId, events: count }, events));
    } else {
      const result = await probes.updateOne(
        { _id: probeId, events: from },
        withOutbox({ $set: { events: from + count } }, events),
      );
      if (result.matchedCount !== 1) throw new Error(`probe ${probeId} changed under its lock`);
    }
    return events.map((event) => event.envelope.eventId);
  });
}

/** For each key, the sequence numbers in order of first arrival, and how many were repeats. */
export function firstArrivalsByKey(messages: { key: string | null; value: string | null }[]) {
  const seen = new Set<string>();
  const byKey = new Map<string, number[]>();
  let duplicates = 0;
  for (const message of messages) {
    const envelope = JSON.parse(message.value ?? '{}') as {
      eventId: string;
      payload: { sequence: number };
    };
    if (seen.has(envelope.eventId)) {
      duplicates++;
      continue;
    }
    seen.add(envelope.eventId);
    const key = message.key ?? '';
    byKey.set(key, [...(byKey.get(key) ?? []), envelope.payload.sequence]);
  }
  return { byKey, duplicates, distinct: seen.size };
}
