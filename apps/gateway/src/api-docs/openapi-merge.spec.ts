import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApiDocuments } from './openapi-merge';

function doc(partial: Partial<OpenAPIObject>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, ...partial };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (name: string) => ({
  description: 'json',
  content: { 'application/json': { schema: ref(name) } },
});

const gateway = doc({
  info: { title: 'Metered Supplies API', version: '1', description: 'Public API.' },
  paths: {
    '/api/health': { get: { operationId: 'SystemHealthController_get', responses: {} } },
    '/health/live': { get: { operationId: 'HealthController_live', responses: {} } },
  },
  components: {
    schemas: { SystemHealthDto: { type: 'object' } },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  },
  tags: [{ name: 'health' }],
});

const identity = doc({
  paths: {
    '/registrations': {
      post: { operationId: 'create', requestBody: jsonBody('AddressDto'), responses: {} },
    },
    '/health/ready': { get: { operationId: 'HealthController_ready', responses: {} } },
    '/devices': { get: { operationId: 'sneaky', responses: {} } },
  },
  components: {
    schemas: {
      AddressDto: { type: 'object', properties: { line1: { type: 'string' } } },
      ErrorDto: { type: 'object', properties: { statusCode: { type: 'number' } } },
    },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  },
  tags: [{ name: 'registrations' }, { name: 'health' }],
});

const registry = doc({
  paths: {
    '/accounts/{accountId}': {
      get: { operationId: 'get', responses: { '200': jsonBody('AccountDto') } },
    },
    '/devices/{serial}': { get: { operationId: 'create', responses: {} } },
  },
  components: {
    schemas: {
      AddressDto: { type: 'object', properties: { street: { type: 'string' } } },
      AccountDto: { type: 'object', properties: { shipTo: ref('AddressDto') } },
      ErrorDto: { type: 'object', properties: { statusCode: { type: 'number' } } },
    },
  },
});

describe('mergeOpenApiDocuments', () => {
  const merged = mergeOpenApiDocuments(gateway, [
    { service: 'identity', document: identity },
    { service: 'registry', document: registry },
  ]);

  it("puts each service's paths under /api, only those whose segment the service owns", () => {
    expect(Object.keys(merged.paths).sort()).toEqual(
      [
        '/api/accounts/{accountId}',
        '/api/devices/{serial}',
        '/api/health',
        '/api/registrations',
      ].sort(),
    );
  });

  it("keeps the gateway's own /api paths and drops its internal ones", () => {
    expect(merged.paths['/api/health']).toBeDefined();
    expect(merged.paths['/health/live']).toBeUndefined();
  });

  it('keeps one copy of a schema several services define identically', () => {
    expect(merged.components?.schemas?.ErrorDto).toEqual(identity.components?.schemas?.ErrorDto);
    expect(merged.components?.securitySchemes?.bearer).toBeDefined();
  });

  it('prefixes a name two services define differently with the service, and rewrites $refs', () => {
    const schemas = merged.components?.schemas ?? {};
    expect(schemas.AddressDto).toBeUndefined();
    expect(schemas['identity.AddressDto']).toEqual(identity.components?.schemas?.AddressDto);
    expect(schemas['registry.AddressDto']).toEqual(registry.components?.schemas?.AddressDto);
    expect(merged.paths['/api/registrations'].post?.requestBody).toEqual(
      jsonBody('identity.AddressDto'),
    );
    // AccountDto differs only through the renamed reference; it is registry's alone, so it keeps its name.
    expect(schemas.AccountDto).toEqual({
      type: 'object',
      properties: { shipTo: ref('registry.AddressDto') },
    });
  });

  it('renames a schema whose only difference is a reference to a renamed one', () => {
    const withHolder = (document: OpenAPIObject) =>
      doc({
        ...document,
        components: {
          schemas: {
            ...document.components?.schemas,
            HolderDto: { properties: { a: ref('AddressDto') } },
          },
        },
      });
    const result = mergeOpenApiDocuments(gateway, [
      { service: 'identity', document: withHolder(identity) },
      { service: 'registry', document: withHolder(registry) },
    ]);
    expect(result.components?.schemas?.['identity.HolderDto']).toEqual({
      properties: { a: ref('identity.AddressDto') },
    });
    expect(result.components?.schemas?.['registry.HolderDto']).toEqual({
      properties: { a: ref('registry.AddressDto') },
    });
  });

  it('keeps operation ids unique across services', () => {
    expect(merged.paths['/api/registrations'].post?.operationId).toBe('create');
    expect(merged.paths['/api/devices/{serial}'].get?.operationId).toBe('registry_create');
  });

  it('merges tags by name', () => {
    expect(merged.tags?.map((tag) => tag.name)).toEqual(['health', 'registrations']);
  });

  it('lists a service that did not answer instead of failing the whole document', () => {
    const partial = mergeOpenApiDocuments(gateway, [
      { service: 'identity', document: identity },
      { service: 'registry', unavailable: 'ECONNREFUSED' },
    ]);
    expect(partial['x-unavailable-services' as keyof OpenAPIObject]).toEqual(['registry']);
    expect(partial.info.description).toContain('registry (ECONNREFUSED)');
    expect(Object.keys(partial.paths)).toContain('/api/registrations');
    expect(partial.components?.schemas?.AddressDto).toEqual(
      identity.components?.schemas?.AddressDto,
    );
    expect(merged['x-unavailable-services' as keyof OpenAPIObject]).toEqual([]);
  });

  it('does not change the documents it merges', () => {
    expect(identity.paths['/registrations'].post?.requestBody).toEqual(jsonBody('AddressDto'));
  });
});
