import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveStackPaths } from '../../../tools/stack/src/paths';

/** A bookmark in an app's log file (.stack/logs/<app>.log): what it wrote since is readable. */
export function logBookmark(app: string): () => string {
  const file = join(resolveStackPaths().logsDir, `${app}.log`);
  const start = existsSync(file) ? statSync(file).size : 0;
  return () => {
    if (!existsSync(file)) return '';
    const text = readFileSync(file);
    // A restarted app may have started a fresh file.
    return text.subarray(text.length >= start ? start : 0).toString('utf8');
  };
}
