// The envelope, event definitions and the catalog (framework-free).
export * from './create-envelope';
export * from './event-catalog';
export * from './event-definition';
export * from './event-envelope';
export * from './event-envelope.dto';
export * from './validation-errors';
