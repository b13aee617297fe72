import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/db/scratch-postgres';
import { startServerProcess } from './server-process';

export interface StartupResult {
  /** First start on an empty data folder: initdb, migrations, seeds with the default simulated run. */
  coldMs: number;
  /** Start again on that folder (nothing to migrate or seed). */
  warmMs: number;
  /** Resident memory of the idle server after the warm start. */
  idleRssMb: number;
}

/** `npm start` timed to ready (/readyz 200), on the embedded PostgreSQL in a new data folder, then again. */
export async function measureStartup(): Promise<StartupResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'virtlens-bench-start-'));
  await fs.chmod(dir, 0o777); // the embedded PostgreSQL runs as its own OS user when we are root
  const env = { VIRTLENS_DATA_DIR: path.join(dir, 'data'), EMBEDDED_PG_PORT: String(await freePort()) };
  try {
    const cold = await startServerProcess(env, await freePort());
    await cold.stop();
    const warm = await startServerProcess(env, await freePort());
    const idleRssMb = Math.round(warm.memory().rssMb);
    await warm.stop();
    return { coldMs: Math.round(cold.readyMs), warmMs: Math.round(warm.readyMs), idleRssMb };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
