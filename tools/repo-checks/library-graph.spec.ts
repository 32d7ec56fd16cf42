import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findCycle, LIBRARY_DEPENDENCIES, PUBLIC_SUBPATHS } from './library-graph';
import { REPO_ROOT } from './source-files';

/**
 * The library graph (libs/README.md) is acyclic and entered only through public entry points.
 * `npm run lint` checks the repository itself with .dependency-cruiser.js; this spec proves the
 * rules bite: run against a tiny tree that re-introduces the old service-kit → event-platform
 * cycle and deep imports, they report each one, and they pass the same tree's allowed imports.
 */
describe('the library graph', () => {
  it('is acyclic, and a cycle in the table is found', () => {
    expect(findCycle(LIBRARY_DEPENDENCIES)).toBeNull();
    const withCycle = {
      ...LIBRARY_DEPENDENCIES,
      'service-kit': [...LIBRARY_DEPENDENCIES['service-kit'], 'event-platform'],
    };
    expect(findCycle(withCycle)).toEqual(['service-kit', 'event-platform', 'service-kit']);
  });

  it('places every library in libs/, and only those', () => {
    const libraries = readdirSync(join(REPO_ROOT, 'libs'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(Object.keys(LIBRARY_DEPENDENCIES).sort()).toEqual(libraries);
  });

  it('maps each library and each declared public subpath, and nothing else, in tsconfig.json', () => {
    const tsconfig = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    const expected: Record<string, string[]> = {};
    for (const lib of Object.keys(LIBRARY_DEPENDENCIES))
      expected[`@metered/${lib}`] = [`libs/${lib}/src`];
    for (const [subpath, file] of Object.entries(PUBLIC_SUBPATHS)) {
      expect(existsSync(join(REPO_ROOT, file))).toBe(true);
      expected[`@metered/${subpath}`] = [dirname(file)];
    }
    for (const lib of Object.keys(LIBRARY_DEPENDENCIES)) {
      if (existsSync(join(REPO_ROOT, 'libs', lib, 'testing', 'index.ts')))
        expected[`@metered/${lib}/testing`] = [`libs/${lib}/testing`];
    }
    expect(tsconfig.compilerOptions.paths).toEqual(expected);
  });

  describe('dependency rules (.dependency-cruiser.js) on a fixture tree', () => {
    let root: string;
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          baseUrl: './',
          // the wildcard the repository no longer has, so a deep '@metered/...' path resolves here
          paths: {
            '@metered/*': ['libs/*/src'],
            '@metered/service-kit/*': ['libs/service-kit/src/*'],
          },
        },
      }),
      'libs/events-core/src/index.ts': "export * from './correlation-context';\n",
      'libs/events-core/src/correlation-context.ts': 'export const CorrelationContext = {};\n',
      'libs/events-core/testing/index.ts': "export * from '../src';\n",
      // the old cycle: service-kit imports event-platform, which imports service-kit
      'libs/service-kit/src/index.ts':
        "export * from './logging/log-context';\nexport * from './errors/domain.error';\n",
      'libs/service-kit/src/logging/log-context.ts':
        "import { EventPlatform } from '@metered/event-platform';\nexport const logContext = EventPlatform;\n",
      'libs/service-kit/src/errors/domain.error.ts': 'export class DomainError {}\n',
      // the old deep path, which tsconfig.json no longer maps
      'libs/service-kit/src/metrics/database-command-metrics.ts':
        "import { CorrelationContext } from '@metered/event-platform/correlation/correlation-context';\nexport const metrics = CorrelationContext;\n",
      'libs/service-kit/src/config/index.ts': 'export const SERVICE_NAMES = [];\n',
      'libs/event-platform/src/index.ts':
        "import { logContext } from '@metered/service-kit';\nimport { CorrelationContext } from '@metered/events-core';\nexport const EventPlatform = [logContext, CorrelationContext];\n",
      // allowed: contracts → events-core and service-kit's config subpath
      'libs/contracts/src/index.ts':
        "import { CorrelationContext } from '@metered/events-core';\nimport { SERVICE_NAMES } from '../../service-kit/src/config';\nexport const contracts = [CorrelationContext, SERVICE_NAMES];\n",
      // a deep import from a library: contracts reaching into service-kit's files
      'libs/contracts/src/errors.ts':
        "import { DomainError } from '@metered/service-kit/errors/domain.error';\nexport const errors = [DomainError];\n",
      // a deep import from an app, and test support in production code
      'apps/ordering/src/place-order.ts':
        "import { DomainError } from '@metered/service-kit/errors/domain.error';\nimport { contracts } from '@metered/contracts';\nexport const placeOrder = [DomainError, contracts];\n",
      'apps/ordering/src/fixture-in-production.ts':
        "import { CorrelationContext } from '../../../libs/events-core/testing';\nexport const wrong = CorrelationContext;\n",
      // allowed: a tool through a declared public subpath, a test through test support
      'tools/stack/cli.ts':
        "import { SERVICE_NAMES } from '../../libs/service-kit/src/config';\nexport const names = SERVICE_NAMES;\n",
      'test/support/world.ts':
        "import { CorrelationContext } from '../../libs/events-core/testing';\nexport const world = CorrelationContext;\n",
    };

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'library-graph-'));
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    function violations(): string[] {
      const run = spawnSync(
        join(REPO_ROOT, 'node_modules', '.bin', 'depcruise'),
        [
          '--config',
          join(REPO_ROOT, '.dependency-cruiser.js'),
          '--output-type',
          'json',
          'apps',
          'libs',
          'tools',
          'test',
        ],
        { cwd: root, encoding: 'utf8' },
      );
      if (!run.stdout) throw new Error(`depcruise printed nothing: ${run.stderr}`);
      const result = JSON.parse(run.stdout) as {
        summary: { violations: { from: string; to: string; rule: { name: string } }[] };
      };
      // a file cycle is reported once, from whichever of its files the cruise met first
      const named = result.summary.violations.map((violation) =>
        violation.rule.name === 'no-circular'
          ? 'no-circular'
          : `${violation.rule.name}: ${violation.from} → ${violation.to}`,
      );
      return [...new Set(named)].sort();
    }

    it('report the cycle, each deep import and test support in production code, and nothing else', () => {
      expect(violations()).toEqual(
        [
          'library-graph-contracts: libs/contracts/src/errors.ts → libs/service-kit/src/errors/domain.error.ts',
          'library-graph-service-kit: libs/service-kit/src/logging/log-context.ts → libs/event-platform/src/index.ts',
          'library-testing-only-in-tests: apps/ordering/src/fixture-in-production.ts → libs/events-core/testing/index.ts',
          'no-circular',
          'no-unresolved-library-paths: libs/service-kit/src/metrics/database-command-metrics.ts → @metered/event-platform/correlation/correlation-context',
          'no-deep-imports-from-libs: libs/contracts/src/errors.ts → libs/service-kit/src/errors/domain.error.ts',
          'no-deep-imports-into-libs: apps/ordering/src/place-order.ts → libs/service-kit/src/errors/domain.error.ts',
        ].sort(),
      );
    });
  });
});
