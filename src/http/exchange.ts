import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Viewer } from '../auth/viewer';
import type { RequestScope } from '../observability/request-context';

/** The label of a request's route in metrics and the access log (bounded: never the raw path). */
export type Route =
  '/graphql' | '/graphiql' | '/reports' | '/healthz' | '/readyz' | '/metrics' | '/' | 'other';

/**
 * One HTTP request and its response as the steps of the pipeline see them: the parsed path, the request id, the
 * viewer once authenticated, and what the GraphQL route learnt for the access log.
 */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** The path without the query string, as sent (not decoded). */
  readonly path: string;
  /** The query string with its `?`, or ''. */
  readonly search: string;
  readonly route: Route;
  readonly requestId: string;
  /** The request's scope (also reachable through `requestScope`): SQL statements, operation name, cost. */
  readonly scope: RequestScope;
  /** The API key of the request (null: anonymous); set by the authentication step. */
  viewer: Viewer | null;
  /** The parsed JSON body of a POST to /graphql (undefined: none, or not JSON). */
  body?: unknown;
}

/** A step of the pipeline: does its part, then calls `next` to go on (or answers and returns). */
export type Step = (exchange: Exchange, next: () => Promise<void>) => Promise<void>;

/** A route's last step. */
export type Handler = (exchange: Exchange) => Promise<void>;

/** Steps run in order, each wrapping the rest (as Koa composes middleware), ending in `handler`. */
export function chain(steps: readonly Step[], handler: Handler): Handler {
  return steps.reduceRight<Handler>((rest, step) => (ex) => step(ex, () => rest(ex)), handler);
}

const UTF8 = '; charset=utf-8';

/** Sends a complete response; a string body of a text-like type is labelled UTF-8 (as Express did). */
export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: OutgoingHttpHeaders = {},
): void {
  const type =
    typeof body === 'string' && !contentType.includes('charset') ? contentType + UTF8 : contentType;
  res.writeHead(status, {
    ...headers,
    'content-type': type,
    'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers?: OutgoingHttpHeaders,
): void {
  send(res, status, 'application/json', JSON.stringify(value), headers);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers?: OutgoingHttpHeaders,
): void {
  send(res, status, 'text/plain', text, headers);
}

export function redirect(res: ServerResponse, status: 301 | 302, location: string): void {
  send(res, status, 'text/plain', `Redirecting to ${location}\n`, { location });
}

/** A GraphQL-shaped error answer: `{ errors: [{ message, extensions }] }`. */
export function sendGraphQLError(
  res: ServerResponse,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
  headers?: OutgoingHttpHeaders,
): void {
  sendJson(res, status, { errors: [{ message, extensions }] }, headers);
}

/**
 * Which of `offered` media types the Accept header prefers: the highest quality, each type's quality taken from
 * its most specific range (exact, then `type/*`, then `*∕*`); ties go to the first offered. No Accept header
 * accepts anything: the first offered.
 */
export function preferredType(accept: string | undefined, offered: readonly string[]): string | null {
  if (!accept) return offered[0] ?? null;
  const ranges = accept.split(',').map((part) => {
    const [range = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { range: range.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
  });
  let best: string | null = null;
  let bestQ = 0;
  for (const type of offered) {
    const [major] = type.split('/');
    let q = -1;
    let specificity = -1;
    for (const r of ranges) {
      const s = r.range === type ? 2 : r.range === `${major}/*` ? 1 : r.range === '*/*' ? 0 : -1;
      if (s > specificity) {
        specificity = s;
        q = r.q;
      }
    }
    if (specificity >= 0 && q > bestQ) {
      best = type;
      bestQ = q;
    }
  }
  return best;
}
