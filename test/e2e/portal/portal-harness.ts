/**
 * A PORTAL-ONLY harness: a bare Nest app with the gateway's PortalModule and the gateway's
 * helmet headers, and no API controllers at all. It proves that the gateway serves the portal
 * (index, assets, deep links, /api left alone); it is not the gateway. The real gateway with
 * its API is covered by the suites in test/e2e/gateway.
 */
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { AddressInfo } from 'node:net';
import { PortalModule } from '../../../apps/gateway/src/portal/portal.module';
import { ensureWebBuild, WEB_DIST_DIR } from './web-build';

@Module({ imports: [PortalModule] })
class PortalOnlyHarnessModule {}

export interface PortalHarness {
  baseUrl: string;
  close: () => Promise<void>;
}

/** `distDir` serves another folder (e.g. an empty one, as on a server without a portal build). */
export async function startPortalHarness(distDir?: string): Promise<PortalHarness> {
  if (distDir === undefined) await ensureWebBuild();
  process.env.WEB_DIST_DIR = distDir ?? WEB_DIST_DIR;
  const app: INestApplication = await NestFactory.create(PortalOnlyHarnessModule, {
    logger: ['error', 'warn'],
  });
  app.use(helmet()); // as bootstrapService does, so the portal is tested under the gateway's CSP
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}
