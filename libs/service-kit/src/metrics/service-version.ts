import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The deployed version: `SERVICE_VERSION` (set by the image build or the deployment), else
 * the monorepo's package.json version, read from the working directory the service runs in.
 */
export function serviceVersion(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SERVICE_VERSION) return env.SERVICE_VERSION;
  try {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
