import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { serviceUrl } from '@metered/service-kit';
import { MethodTable } from '../routing/allowed-methods';
import { withErrorResponses } from './error-responses';
import { mergeOpenApiDocuments, ServiceDocument } from './openapi-merge';
import { ServiceDocuments } from './service-documents';

/** How often the method table is rebuilt from the services' documents (in the background). */
const METHODS_REFRESH_MS = 5_000;

/**
 * The public OpenAPI document (the gateway's own `/api` paths and the services' documents,
 * merged) and what it implies for routing: which methods each documented path answers, so
 * the gateway can refuse an unsupported method with 405 and `Allow` for every service alike.
 */
@Injectable()
export class PublicApiDocument {
  private readonly services: ServiceDocuments;
  private gatewayDocument: () => OpenAPIObject = () => ({
    openapi: '3.0.0',
    info: { title: 'Metered Supplies API', version: '1' },
    paths: {},
  });
  private table?: { builtAt: number; entries: ServiceDocument[]; methods: MethodTable };
  private refreshing?: Promise<MethodTable>;

  constructor(services?: ServiceDocuments) {
    this.services =
      services ??
      new ServiceDocuments({
        targets: {
          identity: serviceUrl('identity'),
          registry: serviceUrl('registry'),
          ordering: serviceUrl('ordering'),
          notifications: serviceUrl('notifications'),
          operations: serviceUrl('operations'),
          telemetry: serviceUrl('telemetry'),
        },
      });
  }

  /** The gateway's own document, built once (lazily: after every controller is registered). */
  useGatewayDocument(build: () => OpenAPIObject): void {
    let built: OpenAPIObject | undefined;
    this.gatewayDocument = () => (built ??= build());
    this.table = undefined;
  }

  /** A fresh merge: the services' documents come from a short cache. */
  async document(own: OpenAPIObject = this.gatewayDocument()): Promise<OpenAPIObject> {
    return withErrorResponses(mergeOpenApiDocuments(own, await this.services.all()));
  }

  /**
   * The methods per documented path. Served from memory and rebuilt in the background every
   * few seconds, so a proxied request never waits for a service's document (only the very
   * first one does).
   */
  async methods(): Promise<MethodTable> {
    const table = this.table;
    if (!table) return this.refresh();
    if (Date.now() - table.builtAt > METHODS_REFRESH_MS) void this.refresh().catch(() => undefined);
    return table.methods;
  }

  private refresh(): Promise<MethodTable> {
    this.refreshing ??= (async () => {
      try {
        const entries = await this.services.all();
        const previous = this.table;
        const unchanged =
          previous &&
          previous.entries.length === entries.length &&
          previous.entries.every((entry, index) => entry === entries[index]);
        const methods = unchanged
          ? previous.methods
          : MethodTable.of(mergeOpenApiDocuments(this.gatewayDocument(), entries));
        this.table = { builtAt: Date.now(), entries, methods };
        return methods;
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
