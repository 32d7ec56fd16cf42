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
  return withInputRefusals(SwaggerModule.createDocument(app, config));
}

const INPUT_REFUSAL =
  'Invalid input: `errors[{field, reason}]` — among the rules of every text field, query and ' +
  'path parameter: no NUL or other control characters (tabs and line breaks only in ' +
  'multi-line fields such as reasons and notes), no bidirectional overrides or isolates';

/**
 * The validation pipe applies the text rule to every body, query and path parameter, so every
 * operation that takes any can answer 400; operations that document their own 400 keep it.
 */
export function withInputRefusals(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const takesInput = (operation.parameters ?? []).length > 0 || operation.requestBody;
      if (takesInput && !operation.responses['400']) {
        operation.responses['400'] = { description: INPUT_REFUSAL };
      }
    }
  }
  return document;
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
