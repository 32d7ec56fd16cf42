import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';

/*
 * The web portal (apps/web, built by `npm run build:web`) is served by the gateway, so the
 * browser sees one origin for pages and API. Resolved from the working directory because this
 * file runs both from source (ts-jest, tsx) and inside the webpack bundle dist/apps/gateway/main.js,
 * where __dirname means something else; the apps are started from the repository root.
 */
function webDistDir(): string {
  return process.env.WEB_DIST_DIR ?? path.resolve(process.cwd(), 'dist/web');
}

/*
 * Every other GET path answers index.html so client routes (/register, /order) survive a reload
 * or a shared link. These prefixes are the server's own: an unknown /api/... must be a JSON 404,
 * never the portal page. path-to-regexp 8 syntax (Nest 11): `{*path}` matches the bare prefix too.
 */
const SERVER_ROUTES = ['/api/{*path}', '/health/{*path}'];

/** Hashed build assets never change under one name; index.html must be revalidated on each visit. */
function setCacheHeaders(response: ServerResponse, filePath: string): void {
  const hashedAsset = filePath.includes(`${path.sep}assets${path.sep}`);
  response.setHeader(
    'Cache-Control',
    hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

@Module({
  imports: [
    // Async so WEB_DIST_DIR is read when the app is created, not when this file is imported.
    ServeStaticModule.forRootAsync({
      useFactory: () => [
        {
          rootPath: webDistDir(),
          exclude: SERVER_ROUTES,
          serveStaticOptions: { setHeaders: setCacheHeaders },
        },
      ],
    }),
  ],
})
export class PortalModule implements OnModuleInit {
  private readonly logger = new Logger('PortalModule');

  onModuleInit(): void {
    const indexFile = path.join(webDistDir(), 'index.html');
    if (!existsSync(indexFile)) {
      // The API works without the portal; say why `/` answers 404 instead of failing the gateway.
      this.logger.warn(`web portal not built: ${indexFile} is missing (run \`npm run build:web\`)`);
    }
  }
}
