import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '../..');
// The dev server forwards the API to a locally running gateway (GATEWAY_PORT, as the services read it).
const gatewayUrl = `http://127.0.0.1:${process.env.GATEWAY_PORT ?? '3000'}`;
const apiProxy = { '/api': { target: gatewayUrl } };

/**
 * The portal is built into <repo>/dist/web, where the gateway's PortalModule serves it at `/`,
 * so the browser sees one origin for the pages and the API (no CORS, same cookies).
 */
export default defineConfig(({ command }) => {
  // Jest (NODE_ENV=test) and other runners leak NODE_ENV into child builds, and Vite would then
  // ship React's development bundle. Only an explicit NODE_ENV=development keeps a dev build.
  if (command === 'build' && process.env.NODE_ENV !== 'development')
    process.env.NODE_ENV = 'production';
  return {
    root: webRoot,
    base: '/',
    plugins: [react()],
    build: {
      outDir: path.join(repoRoot, 'dist/web'),
      emptyOutDir: true,
    },
    server: { host: '127.0.0.1', port: 5173, proxy: apiProxy },
    preview: { host: '127.0.0.1', port: 4173, proxy: apiProxy },
  };
});
