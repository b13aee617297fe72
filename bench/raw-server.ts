import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import type { MixQuery } from './mix';

export interface RawServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The raw path over HTTP: `POST /raw/<n>` answers `{"data": …}` from query n's hand-written SQL, with no framework,
 * so it pays what the GraphQL path pays for HTTP and JSON and nothing else. Runs in the benchmark's process,
 * beside the GraphQL server.
 */
export async function startRawServer(pool: Pool, mix: readonly MixQuery[]): Promise<RawServer> {
  const server = http.createServer((req, res) => {
    const query = mix[Number(/^\/raw\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1)];
    req.resume();
    req.on('end', () => {
      if (!query) {
        res.writeHead(404).end();
        return;
      }
      query.raw(pool).then(
        (data) => {
          res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":${data}}\n`);
        },
        (error: unknown) => {
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ errors: [{ message: String(error) }] }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Whether two answers are the same: equal JSON, numbers within a relative 1e-9 (PostgreSQL and JavaScript may
 * round a float's last digit differently). Returns the path of the first difference, or null.
 */
export function firstDifference(a: unknown, b: unknown, path = 'data'): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? null : `${path}: ${a} ≠ ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a);
    if (keys.join() !== Object.keys(b).join())
      return `${path}: keys ${keys.join()} ≠ ${Object.keys(b).join()}`;
    for (const k of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}
