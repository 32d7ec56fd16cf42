import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentValidationConstraints, withValidatedShapes } from '@metered/service-kit';
import { PublicApiDocument } from './public-api-document';

function gatewayDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Metered Supplies API')
    .setDescription(
      'Public API of the Metered Supplies portal: registration, sign-in, ordering supplies for ' +
        'devices under a Metered Supplies contract, self-service and the helpdesk console. ' +
        'Every service checks the bearer token itself.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  documentValidationConstraints();
  return withValidatedShapes(SwaggerModule.createDocument(app, config));
}

/**
 * The public API's OpenAPI document: `/api/docs` for people, `/api/docs-json` for tools. The
 * services' documents are merged in on each request (from a 15 s cache), so the document grows
 * with the services without a gateway release, and a service that is down leaves a note.
 */
export function setupApiDocs(app: INestApplication): void {
  const publicDocument = app.get(PublicApiDocument);
  publicDocument.useGatewayDocument(() => gatewayDocument(app));
  SwaggerModule.setup('api/docs', app, () => gatewayDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Metered Supplies API',
    // Used for the JSON and for the document swagger-ui-init.js hands to the UI alike.
    patchDocumentOnRequest: async (_request, response, own) => {
      (response as { setHeader(name: string, value: string): void }).setHeader(
        'cache-control',
        'no-cache',
      );
      return publicDocument.document(own);
    },
  });
}
