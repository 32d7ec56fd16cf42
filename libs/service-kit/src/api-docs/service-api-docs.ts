import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ServiceName } from '../config/infrastructure.config';
import {
  documentValidationConstraints,
  SINGLE_LINE_TEXT_PATTERN,
  validatedClassNames,
} from './validation-constraints';

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
  documentValidationConstraints();
  return withValidatedShapes(withInputRefusals(SwaggerModule.createDocument(app, config)));
}

type Schema = { type?: string; pattern?: string; format?: string; enum?: unknown[] };

/**
 * What the validation pipe enforces beyond each property: request DTOs take no unknown field
 * (`additionalProperties: false`), plain path and query parameters obey the text rule, and a
 * body whose every field is optional may be left out (it is validated as `{}`).
 */
export function withValidatedShapes(document: OpenAPIObject): OpenAPIObject {
  const validated = validatedClassNames();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (validated.has(name) && 'properties' in schema) schema.additionalProperties = false;
  }
  const schemas = (document.components?.schemas ?? {}) as Record<string, { required?: string[] }>;
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const body = item[method]?.requestBody as
        | { required?: boolean; content?: Record<string, { schema?: { $ref?: string } }> }
        | undefined;
      const ref = body?.content?.['application/json']?.schema?.$ref;
      const name = ref?.startsWith('#/components/schemas/') ? ref.split('/').pop() : undefined;
      if (body && name && validated.has(name) && !schemas[name]?.required?.length) {
        body.required = false;
      }
      for (const parameter of item[method]?.parameters ?? []) {
        const schema = ('schema' in parameter ? parameter.schema : undefined) as Schema | undefined;
        if (schema?.type === 'string' && !schema.pattern && !schema.format && !schema.enum) {
          schema.pattern = SINGLE_LINE_TEXT_PATTERN;
        }
      }
    }
  }
  return document;
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
