import { createEnvelope } from '@metered/events-core';
import { WidgetCountedEvent } from '@metered/events-core/testing';
import { eventHeaders } from './event-headers';

describe('eventHeaders', () => {
  it('mirrors the envelope for tools that do not parse values', () => {
    const envelope = createEnvelope(
      WidgetCountedEvent,
      { widgetId: 'w', count: 1 },
      { producer: 'registry', correlationId: 'c-1', causationId: 'e-0' },
    );
    expect(eventHeaders(envelope)).toEqual({
      'event-id': envelope.eventId,
      'event-type': 'WidgetCounted',
      'event-version': '1',
      'event-producer': 'registry',
      'correlation-id': 'c-1',
      'causation-id': 'e-0',
    });
  });

  it('leaves out the causation id when a request started the flow', () => {
    const envelope = createEnvelope(
      WidgetCountedEvent,
      { widgetId: 'w', count: 1 },
      { producer: 'registry' },
    );
    expect(eventHeaders(envelope)).not.toHaveProperty('causation-id');
  });
});
