import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import {
  Logger,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnModuleInit,
  RequestMethod,
} from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { portalIndexFile, webDistDir } from './portal-files';
import { PortalMissingMiddleware } from './portal-missing.middleware';

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
export class PortalModule implements OnModuleInit, NestModule {
  private readonly logger = new Logger('PortalModule');

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(PortalMissingMiddleware)
      .exclude(...SERVER_ROUTES.map((route) => route.slice(1)))
      .forRoutes({ path: '{*path}', method: RequestMethod.GET });
  }

  onModuleInit(): void {
    const indexFile = portalIndexFile();
    if (!existsSync(indexFile)) {
      // The API works without the portal; say why `/` answers 404 instead of failing the gateway.
      this.logger.warn(
        `web portal not built: ${indexFile} is missing (\`npm start\` builds it, or \`npm run build:web\`)`,
      );
    }
  }
}
