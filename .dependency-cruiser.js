/**
 * Dependency direction, checked by a tool rather than by hope (style.md point 3):
 * services never import each other's code, only libs/; libs never import apps;
 * domain folders import nothing from NestJS, mongoose or kafkajs; the libraries form an
 * acyclic graph and are entered only through their public entry points (libs/README.md,
 * tools/repo-checks/library-graph.js). Runs in `npm run lint` over apps, libs, tools and test.
 */
const {
  LIBRARY_DEPENDENCIES,
  TESTING_FOLDER,
  allowedFolderPattern,
  assertAcyclic,
  publicEntryPatterns,
} = require('./tools/repo-checks/library-graph');

const SERVICES = [
  'gateway',
  'identity',
  'registry',
  'ordering',
  'notifications',
  'operations',
  'telemetry',
  'web',
];

// An edit of the table that closes a cycle fails the lint run here, before any file is read.
assertAcyclic(LIBRARY_DEPENDENCIES);

const TEST_CODE = ['^test/', '\\.spec\\.ts$', TESTING_FOLDER];

module.exports = {
  forbidden: [
    ...SERVICES.map((service) => ({
      name: `no-cross-service-imports-${service}`,
      severity: 'error',
      comment: `${service} may use libs/ but not another service's code`,
      from: { path: `^apps/${service}/` },
      to: { path: '^apps/', pathNot: `^apps/${service}/` },
    })),
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment: 'domain/ holds business rules only: no NestJS, mongoose or kafkajs',
      from: { path: '/domain/' },
      to: { path: 'node_modules/(@nestjs|mongoose|kafkajs|mongodb)' },
    },
    // The layout (docs/service-layout.md): controller → service → repository port; mongoose
    // only in persistence/ adapters and the modules that wire them.
    {
      name: 'services-and-controllers-hold-no-model',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/.+\\.(controller|service)\\.ts$' },
      to: { path: 'node_modules/(@nestjs/mongoose|mongoose|mongodb)/' },
    },
    {
      name: 'controllers-call-services',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/.+\\.controller\\.ts$' },
      to: { path: '/persistence/' },
    },
    {
      name: 'replenishment-is-pure',
      severity: 'error',
      comment:
        'libs/replenishment is the pure telemetry domain: it may import only itself and @metered/contracts (no framework, no I/O, not even node built-ins)',
      from: { path: '^libs/replenishment/src/' },
      to: { pathNot: '^libs/(replenishment|contracts)/src/' },
    },
    // The library graph: each library imports only the libraries below it (no cycles).
    ...Object.entries(LIBRARY_DEPENDENCIES).map(([lib, allowed]) => ({
      name: `library-graph-${lib}`,
      severity: 'error',
      comment: `libs/${lib} may import only ${allowed.length ? allowed.map((entry) => `@metered/${entry}`).join(', ') : 'no other library'} (tools/repo-checks/library-graph.js; a new edge must keep the graph acyclic)`,
      from: { path: `^libs/${lib}/` },
      to: { path: '^libs/', pathNot: [`^libs/${lib}/`, ...allowed.map(allowedFolderPattern)] },
    })),
    {
      name: 'library-not-in-graph',
      severity: 'error',
      comment:
        'every library has an entry in tools/repo-checks/library-graph.js (its place in the graph)',
      from: { path: '^libs/', pathNot: `^libs/(${Object.keys(LIBRARY_DEPENDENCIES).join('|')})/` },
      to: {},
    },
    {
      name: 'no-deep-imports-from-libs',
      severity: 'error',
      comment:
        "another library is entered only through its public entry: '@metered/<lib>' or a declared public subpath (libs/README.md), never one of its files",
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', ...publicEntryPatterns(), TESTING_FOLDER] },
    },
    {
      name: 'no-deep-imports-into-libs',
      severity: 'error',
      comment:
        "apps, tools and tests enter a library only through its public entry: '@metered/<lib>' or a declared public subpath (libs/README.md), never one of its files",
      from: { path: '^(apps|tools|test)/' },
      to: { path: '^libs/', pathNot: [...publicEntryPatterns(), TESTING_FOLDER] },
    },
    {
      name: 'no-unresolved-library-paths',
      severity: 'error',
      comment:
        "an '@metered/…' import that does not resolve: tsconfig.json maps only each library's index and its declared public subpaths, so this is a deep import (or a typo)",
      from: {},
      to: { couldNotResolve: true, path: '^@metered/' },
    },
    {
      name: 'library-testing-only-in-tests',
      severity: 'error',
      comment:
        'libs/<lib>/testing/ is test support: specs and test/ may import it, production code may not',
      from: { pathNot: TEST_CODE },
      to: { path: TESTING_FOLDER },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^\\.cache/|^\\.stack/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
