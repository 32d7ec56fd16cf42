import type { OpenAPIObject } from '@nestjs/swagger';

/** The one error body every service and the gateway answer with (`httpErrorBody`, the filters). */
export const HTTP_ERROR_SCHEMA_NAME = 'HttpError';

export const HTTP_ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { description: 'what went wrong, for people', example: 'Validation failed' },
    errors: {
      type: 'array',
      description: 'invalid input: one entry per field and reason',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: {
          field: { type: 'string', example: 'shipTo.postalCode' },
          reason: { type: 'string', example: 'must be shorter than or equal to 20 characters' },
        },
      },
    },
  },
};

type Operation = {
  parameters?: Array<{ in?: string }>;
  requestBody?: unknown;
  security?: unknown[];
  responses?: Record<string, { description?: string; content?: unknown; headers?: unknown }>;
};

/**
 * Which error statuses an operation can answer, derived from its shape: who guards it, what it
 * takes and where it runs. One registry instead of a decorator on every handler, so a new
 * endpoint is documented the moment it is.
 */
const RULES: Array<{
  status: string;
  description: string;
  applies: (operation: Operation, path: string, secured: boolean) => boolean;
}> = [
  {
    status: '400',
    description: 'Invalid input: `errors[{field, reason}]` names each field and reason',
    applies: (operation) => (operation.parameters ?? []).length > 0 || !!operation.requestBody,
  },
  {
    status: '401',
    description: 'No valid bearer token (missing, expired, revoked or from an unknown session)',
    applies: (_operation, _path, secured) => secured,
  },
  {
    status: '403',
    description: 'Signed in, but this role or account may not do this',
    applies: (_operation, _path, secured) => secured,
  },
  {
    status: '404',
    description: 'Something it names (in the path or the input) does not exist for this caller',
    applies: (operation, path) =>
      path.includes('{') || (operation.parameters ?? []).length > 0 || !!operation.requestBody,
  },
  {
    status: '413',
    description: 'The request body is larger than the API accepts',
    applies: (operation) => !!operation.requestBody,
  },
  {
    status: '502',
    description: 'The service behind this path answered with something that is not HTTP',
    applies: () => true,
  },
  {
    status: '503',
    description: 'The service behind this path (or its database) is unavailable: retry later',
    applies: () => true,
  },
  {
    status: '504',
    description: 'The service behind this path did not answer in time',
    applies: () => true,
  },
];

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

function errorContent() {
  return {
    'application/json': { schema: { $ref: `#/components/schemas/${HTTP_ERROR_SCHEMA_NAME}` } },
  };
}

/**
 * Every operation documents the error statuses its guards, pipes and the gateway can produce,
 * each with the shared error body; statuses a service documents itself keep its description
 * (and gain the body when they had none). Works on a copy.
 */
export function withErrorResponses(document: OpenAPIObject): OpenAPIObject {
  const copy = structuredClone(document);
  const globallySecured = (copy.security ?? []).length > 0;
  for (const [path, item] of Object.entries(copy.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const secured = operation.security ? operation.security.length > 0 : globallySecured;
      const responses = (operation.responses ??= {});
      for (const rule of RULES) {
        if (!responses[rule.status] && rule.applies(operation, path, secured)) {
          responses[rule.status] = { description: rule.description };
        }
      }
      for (const [status, response] of Object.entries(responses)) {
        if (/^[45]/.test(status) && response && !response.content && !('$ref' in response)) {
          response.content = errorContent();
        }
      }
    }
  }
  copy.components = {
    ...copy.components,
    schemas: { ...copy.components?.schemas, [HTTP_ERROR_SCHEMA_NAME]: HTTP_ERROR_SCHEMA as never },
  };
  return copy;
}
