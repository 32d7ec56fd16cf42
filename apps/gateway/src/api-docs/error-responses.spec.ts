import type { OpenAPIObject } from '@nestjs/swagger';
import { HTTP_ERROR_SCHEMA_NAME, withErrorResponses } from './error-responses';

describe('withErrorResponses', () => {
  const document: OpenAPIObject = {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/orders/{orderId}/cancel': {
        post: {
          security: [{ bearer: [] }],
          parameters: [{ name: 'orderId', in: 'path', required: true }],
          requestBody: { content: {} },
          responses: { '201': { description: 'cancelled' }, '409': { description: 'shipped' } },
        },
      },
      '/api/health': { get: { responses: { '200': { description: 'ok' } } } },
    },
  };
  const result = withErrorResponses(document);
  const error = {
    'application/json': { schema: { $ref: `#/components/schemas/${HTTP_ERROR_SCHEMA_NAME}` } },
  };

  it('documents what guards, pipes and the gateway can answer, with the shared error body', () => {
    const responses = result.paths['/api/orders/{orderId}/cancel'].post!.responses;
    expect(Object.keys(responses).sort()).toEqual(
      ['201', '400', '401', '403', '404', '409', '413', '502', '503', '504'].sort(),
    );
    expect(responses['401']).toMatchObject({ content: error });
    expect(responses['409']).toEqual({ description: 'shipped', content: error });
    expect(result.components?.schemas?.[HTTP_ERROR_SCHEMA_NAME]).toBeDefined();
  });

  it('adds no input, auth or lookup refusals to an open operation without input', () => {
    const responses = result.paths['/api/health'].get!.responses;
    expect(Object.keys(responses).sort()).toEqual(['200', '502', '503', '504']);
  });

  it('leaves the document it was given unchanged', () => {
    expect(Object.keys(document.paths['/api/health'].get!.responses)).toEqual(['200']);
  });
});
