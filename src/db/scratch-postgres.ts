import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import type { Logger } from '../observability/logger';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres';

/** Settings for throwaway clusters: durability off, since the data is discarded. */
export const SCRATCH_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

/**
 * Starts a throwaway embedded PostgreSQL in a new temporary folder on a free port (tests, schema tools).
 * `stop()` also removes the folder.
 */
export async function startScratchPostgres(logger: Logger): Promise<EmbeddedPostgresHandle> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'virtlens-pg-'));
  // The postgres user must be able to enter the folder mkdtemp made for root.
  await fs.chmod(dataDir, 0o777);
  const handle = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'data'),
    port: await freePort(),
    logger,
    settings: SCRATCH_SETTINGS,
  });
  return {
    ...handle,
    async stop() {
      await handle.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A TCP port that was free on loopback a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
