import { createEnvelope } from './create-envelope';
import { defineEvent } from './event-definition';
import { EventCatalog } from './event-catalog';
import { EventRejectedError } from './event-envelope';
import { WidgetCountedEvent, WidgetCountedPayload } from '../../testing';

function validEnvelope() {
  return createEnvelope(
    WidgetCountedEvent,
    { widgetId: 'w-9', count: 2 },
    { producer: 'registry' },
  );
}

async function rejection(promise: Promise<unknown>): Promise<EventRejectedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EventRejectedError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('EventCatalog', () => {
  const catalog = new EventCatalog([WidgetCountedEvent]);

  it('finds a definition by type and version only', () => {
    expect(catalog.find('WidgetCounted', 1)).toBe(WidgetCountedEvent);
    expect(catalog.find('WidgetCounted', 2)).toBeUndefined();
    expect(catalog.topics()).toEqual(['test.widget.v1']);
  });

  it('refuses the same type and version twice', () => {
    expect(() => new EventCatalog([WidgetCountedEvent, WidgetCountedEvent])).toThrow(
      /defined twice/,
    );
  });

  it('decodes a valid envelope into a payload class instance', async () => {
    const { envelope, definition } = await catalog.decode(validEnvelope());
    expect(definition).toBe(WidgetCountedEvent);
    expect(envelope.payload).toBeInstanceOf(WidgetCountedPayload);
  });

  it('strips fields a newer schema added instead of refusing them', async () => {
    const newer = {
      ...validEnvelope(),
      traceFlags: 1,
      payload: { widgetId: 'w-9', count: 2, colour: 'red' },
    };
    const { envelope } = await catalog.decode(newer);
    expect(envelope.payload).toEqual({ widgetId: 'w-9', count: 2 });
    expect(envelope).not.toHaveProperty('traceFlags');
  });

  it('rejects an envelope with a missing or malformed field as invalid-envelope', async () => {
    const error = await rejection(catalog.decode({ ...validEnvelope(), eventId: 'nope', key: '' }));
    expect(error.reason).toBe('invalid-envelope');
    expect(error.message).toMatch(/eventId: eventId must be a UUID/);
    expect(error.message).toMatch(/key: key should not be empty/);
  });

  it('rejects a non-object as invalid-envelope', async () => {
    expect((await rejection(catalog.decode([1, 2]))).reason).toBe('invalid-envelope');
    expect((await rejection(catalog.decode('text'))).reason).toBe('invalid-envelope');
  });

  it('rejects an unknown type or version as unknown-event', async () => {
    const error = await rejection(catalog.decode({ ...validEnvelope(), version: 3 }));
    expect(error.reason).toBe('unknown-event');
    expect(error.message).toMatch(/WidgetCounted version 3/);
  });

  it('rejects a payload that breaks the schema as invalid-payload', async () => {
    const error = await rejection(
      catalog.decode({ ...validEnvelope(), payload: { widgetId: 'w', count: 'x' } }),
    );
    expect(error.reason).toBe('invalid-payload');
    expect(error.message).toMatch(/payload.count/);
  });
});

describe('defineEvent', () => {
  const base = {
    version: 1,
    topic: 'a.b.v1',
    payloadClass: WidgetCountedPayload,
    keyOf: () => 'k',
  };

  it('refuses names that break the conventions', () => {
    expect(() => defineEvent({ ...base, type: 'widget_counted' })).toThrow(/PascalCase/);
    expect(() => defineEvent({ ...base, type: 'WidgetCounted', version: 0 })).toThrow(/version/);
    expect(() => defineEvent({ ...base, type: 'WidgetCounted', topic: 'widgets' })).toThrow(
      /<owner>/,
    );
  });
});
