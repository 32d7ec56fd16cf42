import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ServiceName } from '../config/infrastructure.config';

/** Where every service serves its own OpenAPI document; the gateway merges them into `/api/docs-json`. */
export const SERVICE_DOCS_PATH = '/docs-json';

/** The OpenAPI document of one service's controllers, with bearer auth declared. */
export function createServiceDocument(app: INestApplication, service: ServiceName): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Metered Supplies ${service}`)
    .setDescription(
      `Internal API of the ${service} service. Clients use it through the gateway, under /api.`,
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * `GET /docs-json` on every service (no UI: people read the merged one on the gateway). Built
 * on first request, when every module has registered its controllers.
 */
export function serveServiceDocument(app: INestApplication, service: ServiceName): void {
  SwaggerModule.setup('docs', app, () => createServiceDocument(app, service), {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: SERVICE_DOCS_PATH,
  });
}
