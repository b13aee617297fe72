import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import { authenticate } from '../auth/auth.middleware';
import type { ApiKeyService } from '../auth/api-key.service';
import { checkReadiness } from '../db/database';
import type { ReplicaStatus } from '../db/replica-router';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { requestScope } from '../observability/request-context';
import type { ReportsBackend } from '../reports/reports.backend';
import { reportsRouter } from '../reports/reports.router';
import { graphiqlRouter } from './graphiql';
import { rateLimiter, type RateLimitOptions } from './rate-limit';

export interface HttpAppOptions {
  logger: Logger;
  metrics: Metrics;
  /** Null until the database is open and migrated. */
  dataSource: () => DataSource | null;
  /** Health of the read replicas; null without replicas (or before the database is open). */
  replicas?: () => ReplicaStatus | null;
  /** Null until Apollo Server has started. */
  graphqlHandler: () => RequestHandler | null;
  /** Null until the database is open: requests are anonymous until then. */
  apiKeys?: () => ApiKeyService | null;
  /** Largest /graphql request body, in bytes (default 256 KiB). */
  maxRequestBytes?: number;
  /** Per-address and per-key requests per minute (default: none). */
  rateLimit?: RateLimitOptions;
  /** Null until Apollo Server has started: the named reports of /reports. */
  reports?: () => ReportsBackend | null;
}

const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The HTTP surface: `/graphql`, `/graphiql`, `/healthz` (process up), `/readyz` (database reachable and
 * migrated; with read replicas, how many of them are healthy), `/metrics` (Prometheus). Every response carries
 * `x-request-id`.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const { logger, metrics } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // A 503 from /readyz is an answer (starting, or the database is away), not a server error.
      customLogLevel: (req, res, err) =>
        err || (res.statusCode >= 500 && req.url !== '/readyz') ? 'error' : 'debug',
    }),
  );
  app.use((req, res, next) => {
    const route = ROUTES.has(req.path)
      ? req.path
      : req.path.startsWith('/graphiql')
        ? '/graphiql'
        : req.path.startsWith('/reports')
          ? '/reports'
          : 'other';
    const stop = metrics.httpDuration.startTimer({ method: req.method, route });
    res.on('finish', () => {
      stop();
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    requestScope.run({ requestId: res.getHeader('x-request-id') as string, sqlStatements: 0 }, next);
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const ds = options.dataSource();
    const state = ds ? await checkReadiness(ds) : { database: false, migrations: false };
    const ready = state.database && state.migrations && options.graphqlHandler() !== null;
    // Replicas down do not make the instance unready: the primary serves their reads.
    const replicas = options.replicas?.();
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not ready',
      database: state.database ? 'up' : 'down',
      migrations: state.migrations ? 'applied' : 'pending',
      ...(replicas && { replicas: { healthy: replicas.healthy, total: replicas.total } }),
    });
  });

  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.get('/', (_req, res) => res.redirect(302, '/graphiql/'));
  app.use('/graphiql', graphiqlRouter());

  app.get('/graphql', (req, res, next) => {
    // A browser opening the endpoint gets the explorer; API clients' GET queries go on to Apollo.
    if (!req.query['query'] && req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.redirect(302, '/graphiql/');
      return;
    }
    next();
  });
  const maxRequestBytes = options.maxRequestBytes ?? 262_144;
  // One budget per client for /graphql and /reports: a report is a GraphQL request.
  const limiter = rateLimiter(options.rateLimit ?? { anonymous: 0, perKey: 0 });
  app.use(
    '/graphql',
    express.json({ limit: maxRequestBytes }),
    bodyErrors(maxRequestBytes),
    authenticate(options.apiKeys ?? (() => null)),
    limiter,
  );
  app.use('/graphql', (req, res, next) => {
    const handler = options.graphqlHandler();
    if (!handler) {
      res.status(503).json({
        errors: [
          {
            message: 'The server is starting; try again in a few seconds.',
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ],
      });
      return;
    }
    handler(req, res, next);
  });

  app.use(
    '/reports',
    authenticate(options.apiKeys ?? (() => null)),
    limiter,
    reportsRouter(options.reports ?? (() => null)),
  );

  app.use((_req, res) => {
    res
      .status(404)
      .type('text/plain')
      .send('Not found. Try /graphql, /graphiql, /healthz, /readyz or /metrics.\n');
  });
  return app;
}

/**
 * A body over the size limit or one that is not JSON gets a GraphQL-shaped error saying so (413 names the limit
 * and its value) instead of Express's HTML page.
 */
function bodyErrors(maxRequestBytes: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      res.status(413).json({
        errors: [
          {
            message: `The request body is larger than the limit of ${maxRequestBytes} bytes.`,
            extensions: { code: 'BAD_REQUEST', limit: { name: 'requestBytes', max: maxRequestBytes } },
          },
        ],
      });
    } else if (error.type === 'entity.parse.failed') {
      res.status(400).json({
        errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
      });
    } else if (error.status && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({
        errors: [{ message: 'The request body cannot be read.', extensions: { code: 'BAD_REQUEST' } }],
      });
    } else {
      next(error);
    }
  };
}
