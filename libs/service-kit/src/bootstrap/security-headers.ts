import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { servicePort } from '../config/infrastructure.config';

/**
 * The portal's origin: the only one allowed to call the API from a browser on another origin
 * (e.g. a portal dev server). Same-origin requests need no CORS at all.
 */
export function portalOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.PORTAL_URL?.trim() || `http://127.0.0.1:${servicePort('gateway', env)}`;
  return new URL(url).origin;
}

/**
 * Headers every service and the gateway send: helmet's defaults plus a Content-Security-Policy
 * that fits the portal (its own scripts, styles and API; React's inline styles; no framing, no
 * plugins), and CORS only for PORTAL_URL — a preflight from any other origin gets no
 * Access-Control-Allow-Origin, so browsers refuse it.
 */
export function useSecurityHeaders(app: INestApplication, env: NodeJS.ProcessEnv = process.env) {
  const express = app as NestExpressApplication;
  // req.ip is the client behind the gateway (X-Forwarded-For), not the gateway: identity's
  // per-address sign-in limits depend on it. Only private/loopback proxies are believed.
  express.set('trust proxy', env.TRUST_PROXY?.trim() || 'loopback, linklocal, uniquelocal');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
    }),
  );
  const allowed = portalOrigin(env);
  app.enableCors({
    origin: (origin: string | undefined, done: (error: Error | null, allow?: boolean) => void) =>
      done(null, origin === allowed),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id'],
    exposedHeaders: ['Retry-After', 'X-Correlation-Id', 'Location'],
    credentials: false,
    maxAge: 600,
  });
}
