import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A build in .cache/ is reused while its stamp file holds the same key (a version, or a hash
 * of the file it was built from) and the artefact still exists.
 */
export function isBuilt(stampFile: string, key: string, artefact: string): boolean {
  return (
    existsSync(artefact) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === key
  );
}

export function markBuilt(stampFile: string, key: string): void {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${key}\n`);
}

export function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}
