import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/config';

/** The compiled server, started as `npm start` starts it, in its own process (so its memory is its own). */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn until /readyz answered 200. */
  readonly readyMs: number;
  /** Resident memory now (VmRSS) and at its peak so far (VmHWM), in MB. */
  memory(): { rssMb: number; peakRssMb: number };
  stop(): Promise<void>;
}

/** The arguments `npm start` gives node (its V8 flags and the script), read from package.json. */
function startArguments(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  return args;
}

/** `nodeOptions` go before the script (e.g. `--cpu-prof`). */
export async function startServerProcess(
  env: Record<string, string>,
  port: number,
  nodeOptions: readonly string[] = [],
): Promise<ServerProcess> {
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...nodeOptions, ...startArguments()], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within 120 s:\n${stderr}`);
    }
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - t0;
  const pid = child.pid!;
  return {
    url,
    pid,
    readyMs,
    memory() {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) =>
        Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
