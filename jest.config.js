// Two projects: fast unit specs next to the code, and integration/e2e suites in test/
// that run against the real local stack (Kafka, FerretDB, Mailpit), which the global
// setup starts unless KAFKA_BROKERS / MONGO_URL / SMTP_URL point at running ones.
// Each library's public entry points only (libs/README.md): the index, plus the few declared
// subpaths. A deep import such as '@metered/service-kit/errors/domain.error' does not resolve.
const moduleNameMapper = {
  '^@metered/auth$': '<rootDir>/libs/auth/src',
  '^@metered/contracts(|/reference)$': '<rootDir>/libs/contracts/src$1',
  '^@metered/event-platform$': '<rootDir>/libs/event-platform/src',
  '^@metered/events-core$': '<rootDir>/libs/events-core/src',
  '^@metered/events-core/testing$': '<rootDir>/libs/events-core/testing',
  '^@metered/replenishment$': '<rootDir>/libs/replenishment/src',
  '^@metered/service-kit(|/config)$': '<rootDir>/libs/service-kit/src$1',
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
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/scale-out/'],
      moduleNameMapper,
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    // The same real-stack suites' setup, in the scale-out shape (npm run test:scale-out sets
    // STACK_REPLICAS=2 STACK_BROKERS=3): two replicas of every service, three brokers. The
    // resilience suites run here a second time: the same faults with a replica and two
    // brokers left standing.
    {
      displayName: 'scale-out',
      rootDir: __dirname,
      testEnvironment: 'node',
      roots: ['<rootDir>/test/scale-out', '<rootDir>/test/resilience'],
      testMatch: ['**/*.int-spec.ts'],
      moduleNameMapper,
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
