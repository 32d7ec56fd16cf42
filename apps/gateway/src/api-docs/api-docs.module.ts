import { Module } from '@nestjs/common';
import { PublicApiDocument } from './public-api-document';

/** The merged public OpenAPI document, shared by `/api/docs` and the proxy's method check. */
@Module({
  providers: [{ provide: PublicApiDocument, useFactory: () => new PublicApiDocument() }],
  exports: [PublicApiDocument],
})
export class ApiDocsModule {}
