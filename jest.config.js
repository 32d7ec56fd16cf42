// Two projects: fast unit specs next to the code, and integration/e2e suites in test/
// that run against the real local stack (Kafka, FerretDB, Mailpit), which the global
// setup starts unless KAFKA_BROKERS / MONGO_URL / SMTP_URL point at running ones.
const moduleNameMapper = {
  '^@metered/auth(|/.*)$': '<rootDir>/libs/auth/src$1',
  '^@metered/contracts(|/.*)$': '<rootDir>/libs/contracts/src$1',
  '^@metered/event-platform(|/.*)$': '<rootDir>/libs/event-platform/src$1',
  '^@metered/service-kit(|/.*)$': '<rootDir>/libs/service-kit/src$1',
};
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] };

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/apps/web/'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
      moduleNameMapper,
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
