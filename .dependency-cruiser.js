/**
 * Dependency direction, checked by a tool rather than by hope (style.md point 3):
 * services never import each other's code, only libs/; libs never import apps;
 * domain folders import nothing from NestJS, mongoose or kafkajs.
 */
const SERVICES = ['gateway', 'identity', 'registry', 'ordering', 'notifications', 'operations', 'telemetry', 'web'];

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
    {
      name: 'replenishment-is-pure',
      severity: 'error',
      comment:
        'libs/replenishment is the pure telemetry domain: it may import only itself and @metered/contracts (no framework, no I/O, not even node built-ins)',
      from: { path: '^libs/replenishment/src/' },
      to: { pathNot: '^libs/(replenishment|contracts)/src/' },
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
