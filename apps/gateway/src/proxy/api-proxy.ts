import {
  Agent,
  ClientRequest,
  IncomingMessage,
  request as httpRequest,
  ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { TLSSocket } from 'node:tls';
import { correlationIdOf, MAX_BODY_BYTES, ServiceName } from '@metered/service-kit';
import { ByteLimit } from './byte-limit';
import { clientResponseHeaders, upstreamRequestHeaders } from './forwarded-headers';
import { sendJsonError } from './json-error';
import { UpstreamRotation } from './upstreams';

export type BackendService = Exclude<ServiceName, 'gateway'>;

export interface ApiProxyOptions {
  /**
   * Base URL of each service, e.g. `http://127.0.0.1:3001`, or of each of its replicas:
   * requests go round robin, and one a replica refuses to connect goes to the next.
   */
  targets: Readonly<Record<BackendService, string | readonly string[]>>;
  /** How long a service may take to start answering: 504 after. */
  timeoutMs?: number;
  /** Largest request body forwarded: 413 beyond. */
  maxBodyBytes?: number;
  /** Routes allowed a larger body than `maxBodyBytes` (e.g. telemetry's reading batches). */
  largeBodies?: readonly LargeBodyProxyRoute[];
  /** Told about upstream failures (the request log line itself comes from pino-http). */
  onUpstreamError?: (service: BackendService, error: Error) => void;
}

export const UPSTREAM_TIMEOUT_MS = 30_000;

/** A route of one service whose request bodies may be larger than the default cap. */
export interface LargeBodyProxyRoute {
  service: BackendService;
  method: string;
  /** The service's path (without `/api`), matched exactly, query string ignored. */
  path: string;
  maxBytes: number;
}

/**
 * The telemetry service's reading batches: up to MAX_READINGS_PER_BATCH (5,000) readings of a
 * few hundred bytes each. The service caps the same route at the same size.
 */
export const TELEMETRY_READINGS_MAX_BYTES = 8 * 1024 * 1024;
export const LARGE_BODY_ROUTES: readonly LargeBodyProxyRoute[] = [
  {
    service: 'telemetry',
    method: 'POST',
    path: '/telemetry/readings',
    maxBytes: TELEMETRY_READINGS_MAX_BYTES,
  },
];

/** A client that keeps sending past the cap is read this much further, then cut off. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/*
 * A new connection per request: a pooled keep-alive socket that the service closed while idle
 * fails the next request with ECONNRESET, which we could not retry once its body was streamed.
 * On loopback or a cluster network the handshake costs well under a millisecond.
 */
const agent = new Agent({ keepAlive: false });

/**
 * Streams one request to the service that owns it and the answer back: method, path and query,
 * headers (minus hop-by-hop ones, plus X-Forwarded-* and the correlation id), body and status.
 * Bodies are capped like the services cap them; failures of the service answer 503/504 in the
 * shared error shape.
 */
/** Errors that prove the replica never saw the request, so another one may take it. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

export class ApiProxy {
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly rotations = new Map<BackendService, UpstreamRotation>();

  constructor(private readonly options: ApiProxyOptions) {
    this.timeoutMs = options.timeoutMs ?? UPSTREAM_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    for (const [service, target] of Object.entries(options.targets) as [
      BackendService,
      string | readonly string[],
    ][]) {
      this.rotations.set(
        service,
        new UpstreamRotation(typeof target === 'string' ? [target] : target),
      );
    }
  }

  forward(
    request: IncomingMessage,
    response: ServerResponse,
    service: BackendService,
    upstreamPath: string,
  ): void {
    const correlationId = correlationIdOf(request);
    const maxBodyBytes = this.maxBodyBytesOf(service, request.method ?? 'GET', upstreamPath);
    const declaredLength = Number(request.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > maxBodyBytes) {
      this.refuseTooLarge(request, response, correlationId, declaredLength, maxBodyBytes);
      return;
    }

    // Set once the outcome is decided (answer relayed, error sent, client gone) so that the
    // errors the clean-up itself causes answer nothing a second time.
    let settled = false;
    let upstream: ClientRequest | undefined;
    const settle = () => {
      const first = !settled;
      settled = true;
      clearTimeout(timer);
      return first;
    };
    const correlation = { 'x-correlation-id': correlationId };

    const timer = setTimeout(() => {
      if (!settle()) return;
      upstream?.destroy();
      sendJsonError(
        response,
        504,
        `${service} did not answer within ${Math.round(this.timeoutMs / 1000)} s`,
        correlation,
      );
    }, this.timeoutMs);

    response.on('close', () => {
      // The client went away before the answer was complete: stop the service's work on it.
      if (!response.writableFinished) {
        settle();
        upstream?.destroy();
      }
    });

    const limit = new ByteLimit(maxBodyBytes);
    limit.once('overflow', () => {
      if (!settle()) return;
      request.unpipe(limit);
      upstream?.destroy();
      this.refuseTooLarge(request, response, correlationId, undefined, maxBodyBytes);
    });

    const replicas = this.rotations.get(service)!.order();
    const attempt = (at: number): void => {
      const target = new URL(replicas[at]);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const current = send({
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: request.method,
        path: `${target.pathname.replace(/\/$/, '')}${upstreamPath}`,
        headers: upstreamRequestHeaders(request.headers, {
          remoteAddress: request.socket.remoteAddress,
          encrypted: request.socket instanceof TLSSocket,
          upstreamHost: target.host,
          correlationId,
        }),
        ...(target.protocol === 'https:' ? {} : { agent }),
      });
      upstream = current;
      // The body is streamed only once the replica accepted the connection: until then
      // nothing of it is consumed, so a refused connection can go to the next replica.
      let connected = false;
      current.once('socket', (socket) => {
        const start = () => {
          connected = true;
          if (!settled) request.pipe(limit).pipe(current);
        };
        if (socket.connecting) socket.once('connect', start);
        else start();
      });

      current.on('response', (answer) => {
        if (!settle()) {
          answer.resume();
          return;
        }
        response.writeHead(
          answer.statusCode ?? 502,
          answer.statusMessage,
          clientResponseHeaders(answer.headers, correlationId),
        );
        answer.pipe(response);
        // A service dying mid-answer: the client must see a cut-off body, not a complete one.
        answer.on('aborted', () => response.destroy());
        answer.on('error', () => response.destroy());
      });

      current.on('error', (error: NodeJS.ErrnoException) => {
        if (settled) return;
        const untouched = !connected && NOT_CONNECTED.has(error.code ?? '');
        if (untouched && at + 1 < replicas.length) {
          this.options.onUpstreamError?.(service, error);
          attempt(at + 1);
          return;
        }
        settle();
        this.options.onUpstreamError?.(service, error);
        sendJsonError(response, 503, `${service} is unavailable, try again shortly`, {
          ...correlation,
          'retry-after': '5',
        });
      });
    };
    attempt(0);
  }

  /**
   * 413 after reading the rest of the body (a reply the client has not finished sending to
   * would often reach it as a connection reset); beyond DRAIN_LIMIT_BYTES the connection is cut.
   */
  /** The body cap of one request: its route's own, or the default. */
  private maxBodyBytesOf(service: BackendService, method: string, upstreamPath: string): number {
    const path = upstreamPath.split('?')[0];
    const route = (this.options.largeBodies ?? []).find(
      (candidate) =>
        candidate.service === service &&
        candidate.method === method.toUpperCase() &&
        candidate.path === path,
    );
    return route?.maxBytes ?? this.maxBodyBytes;
  }

  private refuseTooLarge(
    request: IncomingMessage,
    response: ServerResponse,
    correlationId: string,
    declaredLength: number | undefined,
    maxBodyBytes: number,
  ): void {
    const answer = (close: boolean) =>
      sendJsonError(response, 413, `request body is larger than ${maxBodyBytes / 1024} kB`, {
        'x-correlation-id': correlationId,
        ...(close ? { connection: 'close' } : {}),
      });
    if (request.complete || (declaredLength !== undefined && declaredLength > DRAIN_LIMIT_BYTES)) {
      answer(!request.complete);
      return;
    }
    let drained = 0;
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained <= DRAIN_LIMIT_BYTES) return;
      request.off('data', onData);
      request.off('end', onEnd);
      request.pause();
      answer(true);
    };
    const onEnd = () => answer(false);
    request.on('data', onData);
    request.once('end', onEnd);
    request.resume();
  }
}
