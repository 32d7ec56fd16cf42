import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1); never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Hop-by-hop names: the fixed list plus whatever the `Connection` header lists. */
function hopByHopNames(headers: IncomingHttpHeaders): Set<string> {
  const names = new Set(HOP_BY_HOP);
  const connection = headers.connection;
  const listed = Array.isArray(connection) ? connection.join(',') : (connection ?? '');
  for (const name of listed.split(',')) {
    const trimmed = name.trim().toLowerCase();
    if (trimmed) names.add(trimmed);
  }
  return names;
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const dropped = hopByHopNames(headers);
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !dropped.has(name)) kept[name] = value;
  }
  return kept;
}

export interface ClientConnection {
  /** The client's address as the gateway sees it. */
  remoteAddress: string | undefined;
  /** Whether the client reached the gateway over TLS. */
  encrypted: boolean;
  /** `host:port` of the upstream service, for its `Host` header. */
  upstreamHost: string;
  /** The correlation id of this request (the caller's when well-formed, else a fresh one). */
  correlationId: string;
}

/**
 * Request headers for the upstream service: hop-by-hop headers dropped, `Host` set to the
 * service, `X-Forwarded-*` describing the client, the correlation id fixed. Everything else —
 * Authorization above all, since services authorise themselves — passes unchanged.
 */
export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  connection: ClientConnection,
): OutgoingHttpHeaders {
  const headers = withoutHopByHop(incoming);
  const originalHost = incoming.host;
  const priorFor = incoming['x-forwarded-for'];
  const chain = [
    ...(Array.isArray(priorFor) ? priorFor : priorFor ? [priorFor] : []),
    ...(connection.remoteAddress ? [connection.remoteAddress] : []),
  ];
  headers.host = connection.upstreamHost;
  if (chain.length) headers['x-forwarded-for'] = chain.join(', ');
  headers['x-forwarded-proto'] = connection.encrypted ? 'https' : 'http';
  if (originalHost) headers['x-forwarded-host'] = originalHost;
  headers['x-correlation-id'] = connection.correlationId;
  return headers;
}

/** Response headers for the client: the service's, minus hop-by-hop ones. */
export function clientResponseHeaders(
  upstream: IncomingHttpHeaders,
  correlationId: string,
): OutgoingHttpHeaders {
  const headers = withoutHopByHop(upstream);
  headers['x-correlation-id'] = correlationId;
  return headers;
}
