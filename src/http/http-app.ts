import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import { checkReadiness } from '../db/database';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { requestScope } from '../observability/request-context';
import { graphiqlRouter } from './graphiql';

export interface HttpAppOptions {
  logger: Logger;
  metrics: Metrics;
  /** Null until the database is open and migrated. */
  dataSource: () => DataSource | null;
  /** Null until Apollo Server has started. */
  graphqlHandler: () => RequestHandler | null;
}

const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The HTTP surface: `/graphql`, `/graphiql`, `/healthz` (process up), `/readyz` (database reachable and
 * migrated), `/metrics` (Prometheus). Every response carries `x-request-id`.
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
    const route = ROUTES.has(req.path) ? req.path : req.path.startsWith('/graphiql') ? '/graphiql' : 'other';
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
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not ready',
      database: state.database ? 'up' : 'down',
      migrations: state.migrations ? 'applied' : 'pending',
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
  app.use('/graphql', express.json({ limit: '1mb' }), (req, res, next) => {
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

  app.use((_req, res) => {
    res
      .status(404)
      .type('text/plain')
      .send('Not found. Try /graphql, /graphiql, /healthz, /readyz or /metrics.\n');
  });
  return app;
}
