import type { OpenAPIObject } from '@nestjs/swagger';
import { withInputRefusals } from './service-api-docs';

describe('withInputRefusals', () => {
  const document = (): OpenAPIObject => ({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/devices/{serial}': {
        get: {
          parameters: [{ name: 'serial', in: 'path', required: true }],
          responses: { '200': { description: 'ok' } },
        },
      },
      '/orders': {
        post: {
          requestBody: { content: {} },
          responses: { '201': { description: 'placed' }, '400': { description: 'own' } },
        },
      },
      '/health': { get: { responses: { '200': { description: 'ok' } } } },
    },
  });

  it('documents the 400 of every operation that takes parameters or a body', () => {
    const paths = withInputRefusals(document()).paths;
    expect(paths['/devices/{serial}'].get?.responses['400']).toEqual({
      description: expect.stringContaining('control characters') as unknown,
    });
    expect(paths['/orders'].post?.responses['400']).toEqual({ description: 'own' });
    expect(paths['/health'].get?.responses['400']).toBeUndefined();
  });
});
