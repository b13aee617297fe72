import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { PROJECT_ROOT } from '../src/config';
import { freePort, startScratchPostgres } from '../src/db/scratch-postgres';
import { prepareBenchDatabase } from './database';
import { startServerProcess } from './server-process';
import { measureThroughput, renderThroughput } from './throughput';

/**
 * `npm run bench:throughput`: the throughput section of `npm run bench` alone, on a scratch database with the
 * seeds, the 300 synthetic vendors and BENCH_ROWS (default 10,000) measurements. BENCH_ROUND_SECONDS (10) and
 * BENCH_ROUNDS (3) size the rounds; BENCH_SHAPES (e.g. `1,2`) picks shapes by index; BENCH_PROFILE=<dir> runs the
 * server under `node --cpu-prof` (the profile is written there when it stops; see bench/profile-summary.ts).
 * Writes bench/results/throughput.{json,md}.
 */
async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const pg = await startScratchPostgres(logger);
  try {
    const url = await pg.createDatabase('virtlens_bench');
    await prepareBenchDatabase(url, Number(process.env['BENCH_ROWS'] ?? 10_000), logger);
    const profileDir = process.env['BENCH_PROFILE'];
    const server = await startServerProcess(
      {
        DATABASE_URL: url,
        SEED_ON_START: 'false',
        RATE_LIMIT_ANONYMOUS: '0',
        CONCURRENT_REQUESTS_ANONYMOUS: '0',
        COST_PER_MINUTE_ANONYMOUS: '0',
      },
      await freePort(),
      profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
    );
    try {
      const result = await measureThroughput(server, url, {
        connections: 10,
        roundSeconds: Number(process.env['BENCH_ROUND_SECONDS'] ?? 10),
        rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
        shapes: process.env['BENCH_SHAPES']?.split(',').map(Number),
        log: (m) => process.stderr.write(`${m}\n`),
      });
      const dir = path.join(PROJECT_ROOT, 'bench', 'results');
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, 'throughput.json'), JSON.stringify(result, null, 2) + '\n');
      const md = renderThroughput(result);
      await fs.writeFile(path.join(dir, 'throughput.md'), md);
      console.log(md);
    } finally {
      await server.stop();
    }
  } finally {
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
