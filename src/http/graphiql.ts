import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { redirect, sendText, type Exchange } from './exchange';

/** Where `vite build` puts the project's own GraphiQL bundle (see vite.config.ts). */
export const GRAPHIQL_DIST = path.join(PROJECT_ROOT, 'dist', 'graphiql');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the bundled GraphiQL 5 (scripts, styles and Monaco workers all local: it works offline) under
 * `/graphiql/`. Hashed assets are cached for a year; index.html is revalidated (ETag). `/graphiql` redirects to
 * `/graphiql/`. Returns false for a path that is not a file of the bundle (the caller answers 404).
 */
export function graphiqlFiles(): (ex: Exchange) => Promise<boolean> {
  const built = fs.existsSync(path.join(GRAPHIQL_DIST, 'index.html'));
  return async (ex) => {
    if (!built) {
      sendText(ex.res, 503, 'GraphiQL is not built: run `npm run build` and restart the server.\n');
      return true;
    }
    if (ex.path === '/graphiql') {
      redirect(ex.res, 301, `/graphiql/${ex.search}`);
      return true;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(ex.path.slice('/graphiql/'.length));
    } catch {
      return false;
    }
    if (relative === '') relative = 'index.html';
    const file = path.join(GRAPHIQL_DIST, relative);
    if (!file.startsWith(GRAPHIQL_DIST + path.sep) || relative.includes('\0')) return false;
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat?.isFile()) return false;
    const etag = `W/"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`;
    const headers = {
      'cache-control': relative === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
      etag,
      'last-modified': stat.mtime.toUTCString(),
    };
    if (ex.req.headers['if-none-match'] === etag) {
      ex.res.writeHead(304, headers).end();
      return true;
    }
    ex.res.writeHead(200, {
      ...headers,
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
    });
    if (ex.method === 'HEAD') {
      ex.res.end();
      return true;
    }
    await new Promise<void>((resolve) => {
      const stream = fs.createReadStream(file);
      stream.on('error', () => {
        ex.res.destroy();
        resolve();
      });
      stream.on('end', () => resolve());
      stream.pipe(ex.res);
    });
    return true;
  };
}
