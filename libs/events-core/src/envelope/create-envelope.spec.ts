import { CorrelationContext } from '../correlation/correlation-context';
import { createEnvelope } from './create-envelope';
import { WidgetCountedEvent } from '../../testing';

describe('createEnvelope', () => {
  it('fills every envelope field and keys the event by its aggregate', () => {
    const envelope = createEnvelope(
      WidgetCountedEvent,
      { widgetId: 'w-1', count: 3 },
      { producer: 'registry' },
    );
    expect(envelope).toMatchObject({
      type: 'WidgetCounted',
      version: 1,
      producer: 'registry',
      key: 'w-1',
      causationId: null,
      payload: { widgetId: 'w-1', count: 3 },
    });
    expect(envelope.eventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(envelope.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(envelope.occurredAt).toISOString()).toBe(envelope.occurredAt);
  });

  it('takes correlation and causation from the current context', () => {
    const envelope = CorrelationContext.run({ correlationId: 'flow-7', causationId: 'evt-1' }, () =>
      createEnvelope(WidgetCountedEvent, { widgetId: 'w-1', count: 1 }, { producer: 'ordering' }),
    );
    expect(envelope.correlationId).toBe('flow-7');
    expect(envelope.causationId).toBe('evt-1');
  });

  it('lets explicit ids win over the context', () => {
    const envelope = CorrelationContext.run({ correlationId: 'flow-7', causationId: 'evt-1' }, () =>
      createEnvelope(
        WidgetCountedEvent,
        { widgetId: 'w-1', count: 1 },
        { producer: 'ordering', correlationId: 'other', causationId: null },
      ),
    );
    expect(envelope).toMatchObject({ correlationId: 'other', causationId: null });
  });

  it('refuses an invalid payload with the field and the reason', () => {
    expect(() =>
      createEnvelope(WidgetCountedEvent, { widgetId: 'w-1', count: -1 }, { producer: 'registry' }),
    ).toThrow(/invalid WidgetCounted v1 payload: payload.count: count must not be less than 0/);
  });

  it('refuses unknown payload fields when publishing', () => {
    const payload = { widgetId: 'w-1', count: 1, colour: 'red' };
    expect(() => createEnvelope(WidgetCountedEvent, payload, { producer: 'registry' })).toThrow(
      /property colour should not exist/,
    );
  });

  it('refuses an empty key', () => {
    const keyless = { ...WidgetCountedEvent, keyOf: () => '' };
    expect(() =>
      createEnvelope(keyless, { widgetId: 'w-1', count: 1 }, { producer: 'registry' }),
    ).toThrow(/non-empty key/);
  });

  it('refuses an unsafe correlation id', () => {
    expect(() =>
      createEnvelope(
        WidgetCountedEvent,
        { widgetId: 'w', count: 1 },
        { producer: 'p', correlationId: 'a b' },
      ),
    ).toThrow(/correlationId/);
  });
});
