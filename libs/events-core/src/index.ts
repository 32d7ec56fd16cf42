// The framework-free base of the event libraries (see README in this folder): no NestJS,
// Kafka or database client, so libs/contracts and libs/service-kit can build on it.
// Envelope, event definitions and the catalog that validates them
export * from './envelope';
// Correlation ids across HTTP and Kafka (AsyncLocalStorage)
export * from './correlation/correlation-context';
// Topic naming shared by the platform and the contracts
export * from './topic-names';
