import { CorrelationContext } from '@metered/events-core';
import { flowFields } from './log-context';

const loggerBinding = (bindings: Record<string, unknown>) => ({ bindings: () => bindings });

describe('log fields of the flow in progress', () => {
  it('are empty outside any flow (start-up, timers)', () => {
    expect(flowFields()).toEqual({});
  });

  it('name the correlation id and the event while an event is handled', () => {
    const ids = { correlationId: 'c-1', causationId: 'e-1', eventId: 'e-1' };
    expect(CorrelationContext.run(ids, () => flowFields(loggerBinding({})))).toEqual({
      correlationId: 'c-1',
      eventId: 'e-1',
    });
  });

  it('leave the correlation id to a request logger that binds it already', () => {
    const ids = { correlationId: 'c-2', causationId: null };
    const logger = loggerBinding({ correlationId: 'c-2' });
    expect(CorrelationContext.run(ids, () => flowFields(logger))).toEqual({});
  });
});
