// Test support for specs and test/ only (never imported by production code).
export * from './test-events.fixture';
