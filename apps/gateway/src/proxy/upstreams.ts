import { ServiceName, serviceUrl } from '@metered/service-kit';

/**
 * Base URLs of every replica of a service: `<SERVICE>_UPSTREAMS` (comma separated, e.g.
 * `http://10.0.0.5:3003,http://10.0.0.6:3003`), else the one `<SERVICE>_URL` (default loopback
 * and `<SERVICE>_PORT`). A separate setting because `<SERVICE>_URL` also names one base URL
 * elsewhere (identity's signing keys for every app).
 */
export function upstreamsOf(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string[] {
  const list = (env[`${service.toUpperCase()}_UPSTREAMS`] ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  return list.length ? list : [serviceUrl(service, env)];
}

/**
 * Round robin over a service's replicas: each call starts one further along, and gives the
 * others after it as fallbacks (for a replica that refuses the connection).
 */
export class UpstreamRotation {
  private next = 0;

  constructor(readonly urls: readonly string[]) {
    if (urls.length === 0) throw new Error('a service needs at least one upstream URL');
  }

  /** The replicas in the order to try them for one request. */
  order(): string[] {
    const start = this.next;
    this.next = (this.next + 1) % this.urls.length;
    return this.urls.map((_, at) => this.urls[(start + at) % this.urls.length]);
  }
}
