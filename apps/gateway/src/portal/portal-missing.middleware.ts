import { existsSync } from 'node:fs';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { httpErrorBody } from '@metered/service-kit';
import { portalIndexFile } from './portal-files';

/**
 * Without a portal build, serve-static answers every page with a 404 whose message is the
 * file system error, absolute path included. A gateway without pages says so plainly (503:
 * the server, not the address, is at fault) and keeps where it looked for them in its log.
 */
@Injectable()
export class PortalMissingMiddleware implements NestMiddleware {
  use(_request: Request, response: Response, next: NextFunction): void {
    if (existsSync(portalIndexFile())) {
      next();
      return;
    }
    response
      .status(503)
      .setHeader('Retry-After', '30')
      .json(httpErrorBody(503, 'The web portal is not available on this server right now.'));
  }
}
