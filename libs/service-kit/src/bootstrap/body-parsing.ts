import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import { httpErrorBody, MAX_BODY_BYTES } from './http-error-body';

/** The `type` body-parser (raw-body) gives each of its client errors. */
const BODY_ERROR_MESSAGES: Record<string, (error: BodyParserError) => string> = {
  'entity.too.large': (error) =>
    `request body is larger than ${(error.limit ?? MAX_BODY_BYTES) / 1024} kB`,
  'entity.parse.failed': (error) => `malformed JSON body: ${error.message}`,
  'request.size.invalid': () => 'request body length does not match Content-Length',
  'request.aborted': () => 'request body was aborted by the client',
  'encoding.unsupported': (error) => error.message,
  'charset.unsupported': (error) => error.message,
  'parameters.too.many': () => 'too many form parameters',
};

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  /** The limit a too-large body broke (body-parser sets it). */
  limit?: number;
}

/** A route that takes larger JSON bodies than the default 64 kB (e.g. telemetry's batches). */
export interface LargeBodyRoute {
  /** Express path of the route, e.g. `/readings`. */
  path: string;
  maxBytes: number;
}

export function isBodyParserError(error: unknown): error is BodyParserError & { type: string } {
  const candidate = error as BodyParserError | undefined;
  return (
    typeof candidate?.type === 'string' &&
    candidate.type in BODY_ERROR_MESSAGES &&
    typeof candidate.status === 'number'
  );
}

/**
 * Answers body-parser failures (413 too large, 400 malformed JSON, 415 unknown charset) in the
 * shared error shape. Without it Nest answers 413 without `error` and a bare parser message.
 */
export function bodyParserErrorHandler(
  error: unknown,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (!isBodyParserError(error) || response.headersSent) {
    next(error);
    return;
  }
  const status = error.status ?? 400;
  response.status(status).json(httpErrorBody(status, BODY_ERROR_MESSAGES[error.type](error)));
}

/** Deepest nesting of objects/arrays a body may have; real requests use a handful of levels. */
export const MAX_BODY_DEPTH = 32;

/** Whether `value` nests deeper than `limit` — iterative, so a hostile body cannot blow the stack. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses deeply nested bodies with 400 before anything walks them recursively (validation and
 * class-transformer do, and thousands of levels would overflow the stack: a 500 or a crash).
 */
export function rejectDeepBodies(request: Request, response: Response, next: NextFunction): void {
  if (nestsDeeperThan(request.body, MAX_BODY_DEPTH)) {
    response
      .status(400)
      .json(httpErrorBody(400, `request body is nested deeper than ${MAX_BODY_DEPTH} levels`));
    return;
  }
  next();
}

/**
 * JSON and form bodies up to 64 kB. Registered before Nest's init, so Nest's own default
 * parsers (100 kB) are skipped: it only adds parsers not applied yet.
 */
export function useLimitedBodyParsers(
  app: INestApplication,
  largeBodies: readonly LargeBodyRoute[] = [],
): void {
  const expressApp = app as NestExpressApplication;
  // Registered first: a body these parse is marked read, and the 64 kB parser skips it.
  for (const route of largeBodies) {
    expressApp.use(route.path, json({ limit: route.maxBytes }));
  }
  expressApp.useBodyParser('json', { limit: MAX_BODY_BYTES });
  expressApp.useBodyParser('urlencoded', { limit: MAX_BODY_BYTES, extended: true });
  expressApp.use(bodyParserErrorHandler);
  expressApp.use(rejectDeepBodies);
}
