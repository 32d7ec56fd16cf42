import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { buildAsyncApiDocument } from './asyncapi-document';

/** The contract version follows the monorepo's package version. */
export function contractVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function renderAsyncApiYaml(): string {
  const header =
    '# Generated from libs/contracts by tools/asyncapi/generate-asyncapi.ts — do not edit.\n';
  return header + dump(buildAsyncApiDocument(contractVersion()), { lineWidth: 100, noRefs: true });
}
