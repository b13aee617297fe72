import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { PROJECT_ROOT } from '../config';

/** Where `vite build` puts the project's own GraphiQL bundle (see vite.config.ts). */
export const GRAPHIQL_DIST = path.join(PROJECT_ROOT, 'dist', 'graphiql');

/**
 * Serves the bundled GraphiQL 5 (scripts, styles and Monaco workers all local: it works offline).
 * Hashed assets are cached for a year; index.html is revalidated.
 */
export function graphiqlRouter(): Router {
  const router = express.Router();
  if (!fs.existsSync(path.join(GRAPHIQL_DIST, 'index.html'))) {
    const missing: RequestHandler = (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('GraphiQL is not built: run `npm run build` and restart the server.\n');
    };
    router.use(missing);
    return router;
  }
  router.use(
    express.static(GRAPHIQL_DIST, {
      index: 'index.html',
      redirect: true,
      setHeaders(res, file) {
        res.setHeader(
          'Cache-Control',
          file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    }),
  );
  return router;
}
