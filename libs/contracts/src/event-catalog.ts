import { EventCatalog, EventDefinition } from '@metered/event-platform/envelope';
import { PlatformProbeRecordedEvent } from './events/platform-probe-recorded/platform-probe-recorded.event';

/** Every event version of the platform. A new event (or version) is added here. */
export const ALL_EVENTS: readonly EventDefinition[] = [PlatformProbeRecordedEvent];

/** The catalog services hand to `EventPlatformModule.forRoot({ catalog })`. */
export const contractsCatalog = new EventCatalog(ALL_EVENTS);
