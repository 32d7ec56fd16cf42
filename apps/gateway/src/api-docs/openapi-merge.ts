import type { OpenAPIObject } from '@nestjs/swagger';
import type { ServiceName } from '@metered/service-kit';
import { API_PREFIX, API_ROUTES, ownerOfServicePath } from '../routing/api-routes';

/** One service's own document, or why it could not be fetched. */
export type ServiceDocument =
  { service: ServiceName; document: OpenAPIObject } | { service: ServiceName; unavailable: string };

type Components = Record<string, Record<string, unknown>>;
/** Per service: `schemas/Name` → the name it gets in the merged document. */
type Renames = Map<string, string>;

const REF_PREFIX = '#/components/';

/** Deep copy with every `$ref` to a renamed component pointed at its new name. */
function rewriteRefs<T>(value: T, renames: Renames): T {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, renames)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string' && child.startsWith(REF_PREFIX)) {
      const renamed = renames.get(child.slice(REF_PREFIX.length));
      copy[key] = renamed ? `${REF_PREFIX}${renamed}` : child;
    } else {
      copy[key] = rewriteRefs(child, renames);
    }
  }
  return copy as T;
}

interface Source {
  service: ServiceName;
  components: Components;
}

/**
 * Names several services define differently get the service as prefix (`registry.AddressDto`)
 * in every one of them, so no service's meaning silently wins. Repeated until stable: a schema
 * that refers to a renamed one may differ only through that reference.
 */
function componentRenames(sources: Source[]): Map<ServiceName, Renames> {
  const renames = new Map(sources.map((source) => [source.service, new Map() as Renames]));
  for (let changed = true; changed;) {
    changed = false;
    const variants = new Map<string, Map<ServiceName, string>>();
    for (const { service, components } of sources) {
      for (const [kind, entries] of Object.entries(components)) {
        for (const [name, definition] of Object.entries(entries ?? {})) {
          const key = `${kind}/${name}`;
          const shape = JSON.stringify(rewriteRefs(definition, renames.get(service)!));
          if (!variants.has(key)) variants.set(key, new Map());
          variants.get(key)!.set(service, shape);
        }
      }
    }
    for (const [key, byService] of variants) {
      if (new Set(byService.values()).size < 2) continue;
      const [kind, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
      for (const service of byService.keys()) {
        const own = renames.get(service)!;
        if (own.has(key)) continue;
        own.set(key, `${kind}/${service}.${name}`);
        changed = true;
      }
    }
  }
  return renames;
}

/**
 * The public document: the gateway's own `/api` paths, plus each service's paths whose first
 * segment the routing table gives to that service, under `/api`; components merged (clashing
 * names prefixed by service, `$ref`s rewritten); services that could not be asked are listed
 * in `x-unavailable-services` and the description instead of failing the whole document.
 */
export function mergeOpenApiDocuments(
  gateway: OpenAPIObject,
  services: ServiceDocument[],
  routes: Readonly<Record<string, ServiceName>> = API_ROUTES,
): OpenAPIObject {
  const available = services.filter(
    (entry): entry is { service: ServiceName; document: OpenAPIObject } => 'document' in entry,
  );
  const unavailable = services.filter(
    (entry): entry is { service: ServiceName; unavailable: string } => 'unavailable' in entry,
  );
  const sources: Source[] = [
    { service: 'gateway', components: (gateway.components ?? {}) as Components },
    ...available.map(({ service, document }) => ({
      service,
      components: (document.components ?? {}) as Components,
    })),
  ];
  const renames = componentRenames(sources);

  const components: Components = {};
  for (const { service, components: own } of sources) {
    const serviceRenames = renames.get(service)!;
    for (const [kind, entries] of Object.entries(own)) {
      for (const [name, definition] of Object.entries(entries ?? {})) {
        const target = serviceRenames.get(`${kind}/${name}`) ?? `${kind}/${name}`;
        const targetName = target.slice(kind.length + 1);
        components[kind] = components[kind] ?? {};
        components[kind][targetName] = rewriteRefs(definition, serviceRenames);
      }
    }
  }

  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(gateway.paths ?? {})) {
    if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) paths[path] = item;
  }
  const operationIds = new Set<string>(
    Object.values(paths)
      .flatMap((item) =>
        Object.values(item).map((operation) => (operation as { operationId?: string }).operationId),
      )
      .filter((id): id is string => typeof id === 'string'),
  );
  for (const { service, document } of available) {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (ownerOfServicePath(path, routes) !== service) continue;
      const rewritten = rewriteRefs(item, renames.get(service)!);
      for (const operation of Object.values(rewritten) as Array<{ operationId?: unknown }>) {
        if (!operation || typeof operation.operationId !== 'string') continue;
        // Operation ids must be unique in one document; generated ones rarely clash, but may.
        let operationId = operation.operationId;
        if (operationIds.has(operationId)) operationId = `${service}_${operationId}`;
        operation.operationId = operationId;
        operationIds.add(operationId);
      }
      paths[`${API_PREFIX}${path}`] = rewritten;
    }
  }

  const tags = new Map<string, NonNullable<OpenAPIObject['tags']>[number]>();
  for (const document of [gateway, ...available.map((entry) => entry.document)]) {
    for (const tag of document.tags ?? []) if (!tags.has(tag.name)) tags.set(tag.name, tag);
  }

  const missing = unavailable.map(({ service, unavailable: why }) => `${service} (${why})`);
  return {
    ...gateway,
    info: {
      ...gateway.info,
      description:
        (gateway.info.description ?? '') +
        (missing.length
          ? `\n\n**Incomplete right now:** these services did not answer, so their endpoints are missing: ${missing.join(', ')}.`
          : ''),
    },
    paths,
    components: components as OpenAPIObject['components'],
    tags: [...tags.values()],
    'x-unavailable-services': unavailable.map((entry) => entry.service),
  } as OpenAPIObject;
}
