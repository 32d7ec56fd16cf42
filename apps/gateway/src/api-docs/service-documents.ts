import type { OpenAPIObject } from '@nestjs/swagger';
import { SERVICE_DOCS_PATH, ServiceName } from '@metered/service-kit';
import type { ServiceDocument } from './openapi-merge';

export interface ServiceDocumentsOptions {
  /** Base URL of each service whose document is merged. */
  targets: Readonly<Partial<Record<ServiceName, string>>>;
  /** How long a fetched document is reused: short, so new endpoints show up soon. */
  ttlMs?: number;
  /** How long a failure is remembered: shorter, so a restarted service is back quickly. */
  failureTtlMs?: number;
  timeoutMs?: number;
}

interface Cached {
  until: number;
  entry: Promise<ServiceDocument>;
}

/** Each service's `/docs-json`, fetched at request time and kept for a few seconds. */
export class ServiceDocuments {
  private readonly cache = new Map<ServiceName, Cached>();
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: ServiceDocumentsOptions) {
    this.ttlMs = options.ttlMs ?? 15_000;
    this.failureTtlMs = options.failureTtlMs ?? 2_000;
    this.timeoutMs = options.timeoutMs ?? 3_000;
  }

  all(): Promise<ServiceDocument[]> {
    const services = Object.keys(this.options.targets) as ServiceName[];
    return Promise.all(services.map((service) => this.one(service)));
  }

  private one(service: ServiceName): Promise<ServiceDocument> {
    const cached = this.cache.get(service);
    if (cached && cached.until > Date.now()) return cached.entry;
    // Concurrent readers share one fetch: the entry is cached while it is in flight.
    const entry = this.fetchDocument(service).then((result) => {
      const ttl = 'document' in result ? this.ttlMs : this.failureTtlMs;
      this.cache.set(service, { until: Date.now() + ttl, entry });
      return result;
    });
    this.cache.set(service, { until: Date.now() + this.timeoutMs + 1000, entry });
    return entry;
  }

  private async fetchDocument(service: ServiceName): Promise<ServiceDocument> {
    const url = `${this.options.targets[service]}${SERVICE_DOCS_PATH}`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      if (!response.ok) return { service, unavailable: `HTTP ${response.status}` };
      const document = (await response.json()) as OpenAPIObject;
      if (!document || typeof document.paths !== 'object') {
        return { service, unavailable: 'not an OpenAPI document' };
      }
      return { service, document };
    } catch (error) {
      const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
      return { service, unavailable: cause?.code ?? (error as Error).name ?? 'unreachable' };
    }
  }
}
