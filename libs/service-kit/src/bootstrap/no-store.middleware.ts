import type { NextFunction, Request, Response } from 'express';

/**
 * `Cache-Control: no-store` on every answer unless its handler says otherwise. API answers carry
 * tokens (sign-in, refresh) and personal data (/auth/me, orders, accounts), and no browser,
 * shared proxy or CDN may keep a copy; errors are no different. The few public documents set
 * their own header, which replaces this default: the signing keys (`public, max-age=300`), the
 * OpenAPI document (`no-cache`) and the portal's files (index.html `no-cache`, hashed assets
 * immutable). Set first, so answers made before Nest (413, the gateway's proxy errors) have it.
 */
export function noStoreMiddleware(_request: Request, response: Response, next: NextFunction) {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
