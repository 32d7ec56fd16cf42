import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { filesUnder, REPO_ROOT } from './source-files';

/**
 * package.json says what the code uses: every package a source file imports is declared
 * (not merely present because another package pulls it in), and every declared package is
 * imported or named below with the reason it is needed without an import.
 */
const NEEDED_WITHOUT_IMPORT: Record<string, string> = {
  '@nestjs/cli': 'nest build (npm run build, the stack builds each service with it)',
  '@nestjs/schematics': 'the collection nest-cli.json names',
  'ts-loader': "the Nest CLI's webpack build compiles TypeScript with it",
  'tsconfig-paths': "the Nest CLI's webpack build resolves the @metered/* paths with it",
  typescript: 'tsc (npm run typecheck), ts-jest and the Nest CLI',
  'ts-jest': 'the transform jest.config.js names',
  jest: 'the test runner',
  tsx: 'runs tools/ (npm run stack, bench, asyncapi)',
  prettier: 'npm run format',
  eslint: 'npm run lint',
  'dependency-cruiser': 'npm run lint (the dependency rules)',
  passport: 'peer dependency of @nestjs/passport',
  pino: 'peer dependency of nestjs-pino',
  '@types/node': 'the types of the node: built-ins',
};

const SOURCE_FOLDERS = ['apps', 'libs', 'tools', 'test', 'scripts'];
const ROOT_CONFIG_FILES = ['eslint.config.mjs', 'jest.config.js', '.dependency-cruiser.js'];
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(?\s*|\brequire(?:\.resolve)?\s*\(\s*)['"]([^'"\s]+)['"]/g;
const BUILTINS = new Set(builtinModules);

/** The package a module specifier names ('@scope/name/sub' → '@scope/name'), or undefined for relative, built-in and path-alias imports. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  if (specifier.startsWith('@metered/')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTINS.has(name) ? undefined : name;
}

function importedPackages(): Map<string, string> {
  const firstImporter = new Map<string, string>();
  const files = [
    ...SOURCE_FOLDERS.flatMap((folder) =>
      filesUnder(folder, (name) => /\.(ts|tsx|js|mjs|cjs)$/.test(name)),
    ),
    ...ROOT_CONFIG_FILES,
  ];
  for (const file of files) {
    for (const match of readFileSync(join(REPO_ROOT, file), 'utf8').matchAll(IMPORT)) {
      const name = packageOf(match[1]);
      if (name && !firstImporter.has(name)) firstImporter.set(name, file);
    }
  }
  return firstImporter;
}

describe('declared dependencies', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const declared = new Set([
    ...Object.keys(manifest.dependencies),
    ...Object.keys(manifest.devDependencies),
  ]);
  const imported = importedPackages();

  it('names the package of a specifier', () => {
    expect(packageOf('@nestjs/common')).toBe('@nestjs/common');
    expect(packageOf('@nestjs/mongoose/dist/x')).toBe('@nestjs/mongoose');
    expect(packageOf('js-yaml')).toBe('js-yaml');
    expect(packageOf('node:fs')).toBeUndefined();
    expect(packageOf('fs')).toBeUndefined();
    expect(packageOf('./local')).toBeUndefined();
    expect(packageOf('@metered/contracts')).toBeUndefined();
  });

  it('declares every imported package', () => {
    const undeclared = [...imported]
      .filter(([name]) => !declared.has(name))
      .map(([name, file]) => `${name} (${file})`);
    expect(undeclared).toEqual([]);
  });

  it('imports every declared package, or says why it is needed', () => {
    const unused = [...declared].filter(
      (name) =>
        !imported.has(name) &&
        !(name in NEEDED_WITHOUT_IMPORT) &&
        !(name.startsWith('@types/') && declared.has(name.slice('@types/'.length))),
    );
    expect(unused).toEqual([]);
  });

  it('pins every version exactly', () => {
    const ranged = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })
      .filter(([, version]) => !/^\d+\.\d+\.\d+$/.test(version))
      .map(([name, version]) => `${name}@${version}`);
    expect(ranged).toEqual([]);
  });
});
