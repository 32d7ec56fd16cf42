import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The public API's OpenAPI document: `/api/docs` for people, `/api/docs-json` for tools. */
export function setupApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Metered Supplies API')
    .setDescription(
      'Public API of the Metered Supplies portal: registration, sign-in, ordering supplies for ' +
        'devices under a Metered Supplies contract, self-service and the helpdesk console.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
