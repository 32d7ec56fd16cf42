import path from 'node:path';

/*
 * The web portal (apps/web, built by `npm run build:web`) is served by the gateway, so the
 * browser sees one origin for pages and API. Resolved from the working directory because this
 * file runs both from source (ts-jest, tsx) and inside the webpack bundle dist/apps/gateway/main.js,
 * where __dirname means something else; the apps are started from the repository root.
 */
export function webDistDir(): string {
  return process.env.WEB_DIST_DIR ?? path.resolve(process.cwd(), 'dist/web');
}

export function portalIndexFile(): string {
  return path.join(webDistDir(), 'index.html');
}
