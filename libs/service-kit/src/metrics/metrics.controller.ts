import { Controller, Get, Header, NotFoundException, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { register } from 'prom-client';
import { runScrapeHooks } from './scrape-hooks';

/**
 * A request that passed a reverse proxy or an ingress controller (they add these headers)
 * came from outside: metrics are for the operations service and Prometheus, which scrape
 * the pods directly. This keeps the public gateway's own `/metrics` private.
 */
export function cameThroughProxy(request: Pick<Request, 'headers'>): boolean {
  const headers = request.headers;
  return Boolean(headers['x-forwarded-for'] ?? headers.forwarded ?? headers['x-real-ip']);
}

/**
 * `GET /metrics` in the Prometheus text format. Left out of the OpenAPI document (the
 * gateway merges those into the public API) and never routed by the gateway's `/api`.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', register.contentType)
  @Header('Cache-Control', 'no-store')
  async metrics(@Req() request: Request): Promise<string> {
    if (cameThroughProxy(request)) throw new NotFoundException();
    await runScrapeHooks();
    return register.metrics();
  }
}
