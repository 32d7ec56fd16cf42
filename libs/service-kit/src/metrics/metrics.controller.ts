import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { register } from 'prom-client';
import { runScrapeHooks } from './scrape-hooks';

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
  async metrics(): Promise<string> {
    await runScrapeHooks();
    return register.metrics();
  }
}
