import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { BaseContext } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { ApiKeyService } from '../auth/api-key.service';
import { checkReadiness } from '../db/database';
import type { ReplicaStatus } from '../db/replica-router';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { requestScope, type RequestScope } from '../observability/request-context';
import type { ReportsBackend } from '../reports/reports.backend';
import { reportsRouter } from '../reports/reports.router';
import { authenticate } from './authenticate';
import {
  chain,
  redirect,
  sendJson,
  sendText,
  type Exchange,
  type Handler,
  type Route,
  type Step,
} from './exchange';
import { concurrencyLimit, type ConcurrencyLimitOptions } from './concurrency-limit';
import { costBudget, type CostBudgetOptions } from './cost-budget';
import { graphiqlFiles } from './graphiql';
import { explorerRedirect, graphqlHandler, jsonBody, type GraphQLEndpoint } from './graphql-route';
import { RateLimiter, type RateLimitOptions } from './rate-limit';

export interface HttpAppOptions<TContext extends BaseContext = BaseContext> {
  logger: Logger;
  metrics: Metrics;
  /** Null until the database is open and migrated. */
  dataSource: () => DataSource | null;
  /** Health of the read replicas; null without replicas (or before the database is open). */
  replicas?: () => ReplicaStatus | null;
  /** Null until Apollo Server has started. */
  graphql: () => GraphQLEndpoint<TContext> | null;
  /** Null until the database is open: requests are anonymous until then. */
  apiKeys?: () => ApiKeyService | null;
  /** Largest /graphql request body, in bytes (default 256 KiB). */
  maxRequestBytes?: number;
  /** Per-address and per-key requests per minute (default: none). */
  rateLimit?: RateLimitOptions;
  /** Per-address and per-key requests in flight at once (default: no cap). */
  concurrency?: ConcurrencyLimitOptions;
  /** Per-address and per-key query cost per minute (default: none). */
  costBudget?: CostBudgetOptions;
  /** Null until Apollo Server has started: the named reports of /reports. */
  reports?: () => ReportsBackend | null;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const NOT_FOUND = 'Not found. Try /graphql, /graphiql, /healthz, /readyz or /metrics.\n';

/**
 * The pages (GraphiQL, /reports) load only this server's scripts, styles, fonts and workers; inline styles are
 * allowed (GraphiQL's editor and the reports page set them), inline scripts are not. Everything else (JSON,
 * text, SVG opened on its own) may load nothing at all.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** No MIME sniffing, no framing by other sites, and a CSP by kind of answer. */
function setSecurityHeaders(ex: Exchange): void {
  ex.res.setHeader('x-content-type-options', 'nosniff');
  ex.res.setHeader(
    'content-security-policy',
    ex.route === '/graphiql' || ex.route === '/reports' ? PAGE_CSP : API_CSP,
  );
}

function routeOf(path: string): Route {
  switch (path) {
    case '/graphql':
    case '/healthz':
    case '/readyz':
    case '/metrics':
    case '/':
      return path;
  }
  if (path.startsWith('/graphiql')) return '/graphiql';
  if (path.startsWith('/reports')) return '/reports';
  return 'other';
}

/**
 * The HTTP surface on plain `node:http`: `/graphql` (Apollo Server's integration API), `/graphiql`, `/reports`,
 * `/healthz` (process up), `/readyz` (database reachable and migrated; with read replicas, how many of them serve
 * reads, and each one's state and replay lag), `/metrics` (Prometheus). Every response carries `x-request-id`, `x-content-type-options` and a
 * content security policy. Each route is a chain of small
 * steps (see exchange.ts), so a new check is one more step where it belongs.
 */
export function createHttpApp<TContext extends BaseContext>(
  options: HttpAppOptions<TContext>,
): RequestListener {
  const { logger, metrics } = options;
  const maxRequestBytes = options.maxRequestBytes ?? 262_144;
  const apiKeys = options.apiKeys ?? (() => null);
  // One budget per client for /graphql and /reports: a report is a GraphQL request.
  const limiter = new RateLimiter(options.rateLimit ?? { anonymous: 0, perKey: 0 });
  const concurrent = concurrencyLimit(options.concurrency ?? { anonymous: 0, perKey: 0 });
  const budget = costBudget(options.costBudget ?? { anonymous: 0, perKey: 0 });
  const graphiql = graphiqlFiles();
  const reports = reportsRouter(options.reports ?? (() => null), logger);

  const graphql = chain(
    [
      explorerRedirect,
      jsonBody(maxRequestBytes),
      authenticate(apiKeys, limiter),
      limiter.step,
      concurrent,
      budget,
    ],
    graphqlHandler(options.graphql),
  );
  const reportSteps = chain(
    [authenticate(apiKeys, limiter), limiter.step, concurrent, budget],
    async (ex) => {
      if (!(await reports(ex))) sendText(ex.res, 404, NOT_FOUND);
    },
  );

  const readyz: Handler = async (ex) => {
    const ds = options.dataSource();
    const state = ds ? await checkReadiness(ds) : { database: false, migrations: false };
    const ready = state.database && state.migrations && options.graphql() !== null;
    // Replicas down do not make the instance unready: the primary serves their reads.
    const replicas = options.replicas?.();
    if (!ready) {
      // One line per failed probe, saying what is missing (not a stack trace: the probe's answer is the news).
      logger.warn(
        {
          requestId: ex.requestId,
          database: state.database ? 'up' : 'down',
          migrations: state.migrations ? 'applied' : 'pending',
          graphql: options.graphql() ? 'started' : 'starting',
        },
        'not ready',
      );
    }
    sendJson(ex.res, ready ? 200 : 503, {
      status: ready ? 'ready' : 'not ready',
      database: state.database ? 'up' : 'down',
      migrations: state.migrations ? 'applied' : 'pending',
      ...(replicas && { replicas }),
    });
  };

  const dispatch: Handler = async (ex) => {
    const get = ex.method === 'GET' || ex.method === 'HEAD';
    setSecurityHeaders(ex);
    switch (ex.route) {
      case '/graphql':
        return graphql(ex);
      case '/reports':
        return reportSteps(ex);
      case '/healthz':
        if (get) return sendJson(ex.res, 200, { status: 'ok' });
        break;
      case '/readyz':
        if (get) return readyz(ex);
        break;
      case '/metrics':
        if (get) {
          const text = await metrics.registry.metrics();
          ex.res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
          return;
        }
        break;
      case '/':
        if (get) return redirect(ex.res, 302, '/graphiql/');
        break;
      case '/graphiql':
        if (get && (await graphiql(ex))) return;
        break;
      case 'other':
        break;
    }
    ex.req.resume();
    sendText(ex.res, 404, NOT_FOUND);
  };

  const handle = chain([observe(logger, metrics)], dispatch);

  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const scope: RequestScope = { requestId, sqlStatements: 0 };
    const ex: Exchange = {
      scope,
      req,
      res,
      method: req.method ?? 'GET',
      path,
      search: q < 0 ? '' : url.slice(q),
      route: routeOf(path),
      requestId,
      viewer: null,
    };
    requestScope.run(scope, () => {
      handle(ex).catch((error: unknown) => {
        logger.error({ requestId, err: error, method: ex.method, route: ex.route }, 'request failed');
        if (!res.headersSent) {
          sendText(res, 500, `Internal server error (request ${requestId}).\n`);
        } else {
          res.destroy();
        }
      });
    });
  };
}

/**
 * The outermost step: times the request into the HTTP metrics and, once it finished, writes its one access log
 * line at info (method, route, status, duration, request id; for GraphQL the operation name, cost and SQL
 * statements) — at error for a 5xx (but a 503, which is an answer: starting, or the database is away; the
 * outage itself is logged once per interval with a count, not once per request). With info off, nothing is built. At debug the line also carries the request's headers (the logger
 * redacts credentials).
 */
function observe(logger: Logger, metrics: Metrics): Step {
  return (ex, next) => {
    const stop = metrics.httpDuration.startTimer({ method: ex.method, route: ex.route });
    const started = performance.now();
    ex.res.on('finish', () => {
      stop();
      const status = ex.res.statusCode;
      metrics.httpRequests.inc({ method: ex.method, route: ex.route, status: String(status) });
      const error = status >= 500 && status !== 503;
      if (!error && !logger.isLevelEnabled('info')) return;
      const scope = ex.scope;
      const line: Record<string, unknown> = {
        requestId: ex.requestId,
        method: ex.method,
        route: ex.route,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      if (ex.route === '/graphql') {
        if (scope.operationName !== undefined) line['operationName'] = scope.operationName;
        if (scope.cost !== undefined) line['cost'] = scope.cost;
        line['sqlStatements'] = scope.sqlStatements;
      }
      if (logger.isLevelEnabled('debug')) line['req'] = { url: ex.req.url, headers: ex.req.headers };
      if (error) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    });
    return next();
  };
}
