// Framework-free part of the platform: libs/contracts imports only this folder.
export * from './create-envelope';
export * from './event-catalog';
export * from './event-definition';
export * from './event-envelope';
export * from './event-envelope.dto';
export * from './validation-errors';
