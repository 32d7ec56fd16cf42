export * from './topics';
export * from './event-catalog';
export * from './events/platform-probe-recorded/platform-probe-recorded.event';
