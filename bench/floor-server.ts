import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Pool } from 'pg';
import { THROUGHPUT_SHAPES, TYPENAME_ANSWER } from './throughput-shapes';

/**
 * The references of the throughput section, each in its own process (as the server under test is), started by
 * bench/throughput.ts as `node dist/bench/floor-server.js <kind>`; prints `PORT <n>` once it listens.
 *
 * - `node`: a bare node:http server answering `{ __typename }`'s bytes to every request (the floor of any Node
 *   HTTP server).
 * - `apollo`: a bare Apollo Server 5 (`startStandaloneServer`, one `Query` type, no plugins): Apollo's own floor.
 * - `raw`: `POST /raw/<n>` answers throughput shape n from its one hand-written SQL statement through `pg`.
 */
async function main(): Promise<void> {
  const kind = process.argv[2];
  let port: number;
  if (kind === 'node') {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(TYPENAME_ANSWER);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  } else if (kind === 'apollo') {
    const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }' });
    const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
    port = Number(new URL(url).port);
  } else if (kind === 'raw') {
    const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });
    const server = http.createServer((req, res) => {
      const shape = THROUGHPUT_SHAPES[Number(/^\/raw\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1)];
      req.resume();
      req.on('end', () => {
        if (!shape?.rawSql) {
          res.writeHead(404).end();
          return;
        }
        pool.query<{ json: string }>(shape.rawSql).then(
          (r) => {
            res
              .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
              .end(`{"data":${r.rows[0].json}}\n`);
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
    port = (server.address() as AddressInfo).port;
  } else {
    throw new Error(`unknown floor kind ${kind}: node, apollo or raw`);
  }
  process.stdout.write(`PORT ${port}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
