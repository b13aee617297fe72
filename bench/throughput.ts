import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/config';
import { firstDifference } from './raw-server';
import type { ServerProcess } from './server-process';
import { THROUGHPUT_SHAPES, type ThroughputShape } from './throughput-shapes';

/** One target's requests per second in each round (rounds alternate between the targets of a shape). */
export interface TargetThroughput {
  target: 'virtlens' | 'raw' | 'node:http floor' | 'Apollo floor';
  rps: number[];
  /** Mean over the rounds. */
  meanRps: number;
  /**
   * CPU time (user + system, from /proc) the target's process spent per request over the rounds, in ms: steadier
   * than rps on a shared machine, where a process's share of the cores moves with everyone else's load.
   */
  cpuMsPerRequest: number;
  errors: number;
}

export interface ShapeThroughput {
  name: string;
  targets: TargetThroughput[];
  /** virtlens over its reference (raw path, or the node:http floor for `{ __typename }`), summed over rounds. */
  ratio: number;
  /** Goal from issue 16 for that ratio. */
  goal: number;
  /** For `{ __typename }`: the bare Apollo Server over the node:http floor in the same rounds. */
  apolloRatio?: number;
}

export interface ThroughputResult {
  connections: number;
  roundSeconds: number;
  rounds: number;
  shapes: ShapeThroughput[];
}

/** Goals of issue 16, as ratios to the reference measured in the same run. */
export const THROUGHPUT_GOALS: readonly number[] = [0.17, 0.6, 0.55, 0.5];

interface Floor {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** CPU time (user + system) process `pid` has used so far, in ms (Linux: /proc/<pid>/stat, 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Starts bench/floor-server.ts in its own process and waits for its port. */
async function startFloor(kind: 'node' | 'apollo' | 'raw', databaseUrl: string): Promise<Floor> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, 'dist', 'bench', 'floor-server.js'), kind],
    {
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`floor ${kind} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, text: await res.text() };
}

/**
 * Requests per second of one autocannon round, and the requests and CPU ms of process `pid` in it; errors are
 * socket errors, non-2xx and GraphQL errors.
 */
async function round(
  url: string,
  body: string,
  connections: number,
  seconds: number,
  pid: number,
): Promise<{ rps: number; errors: number; requests: number; cpuMs: number }> {
  let graphqlErrors = 0;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    requests: [
      {
        onResponse(status: number, text: string) {
          if (status === 200 && text.includes('"errors"')) graphqlErrors += 1;
        },
      },
    ],
  });
  return {
    rps: result.requests.total / seconds,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    requests: result.requests.total,
    cpuMs: cpuMs(pid) - cpuBefore,
  };
}

/**
 * The throughput section: for each shape, virtlens (the server process) against its reference, in rounds that
 * alternate between the targets so that the shared machine's noise falls on all of them alike. The raw answers
 * are checked equal to virtlens's first.
 */
export async function measureThroughput(
  server: Pick<ServerProcess, 'url' | 'pid'>,
  databaseUrl: string,
  options: {
    connections: number;
    roundSeconds: number;
    rounds: number;
    /** Indexes into THROUGHPUT_SHAPES (default: all). */
    shapes?: readonly number[];
    log?: (m: string) => void;
  },
): Promise<ThroughputResult> {
  const { connections, roundSeconds, rounds } = options;
  const floors = {
    node: await startFloor('node', databaseUrl),
    apollo: await startFloor('apollo', databaseUrl),
    raw: await startFloor('raw', databaseUrl),
  };
  try {
    const shapes: ShapeThroughput[] = [];
    for (const [index, shape] of THROUGHPUT_SHAPES.entries()) {
      if (options.shapes && !options.shapes.includes(index)) continue;
      const body = JSON.stringify({ query: shape.query });
      const targets = await targetsOf(shape, index, server, floors, body);
      const ours = await post(targets[0].url, body);
      for (const t of targets.slice(1)) {
        const theirs = await post(t.url, t.body);
        const difference = firstDifference(
          (JSON.parse(ours.text) as { data: unknown }).data,
          (JSON.parse(theirs.text) as { data: unknown }).data,
        );
        if (ours.status !== 200 || theirs.status !== 200 || difference)
          throw new Error(`${shape.name}: ${t.target} answers differently (${difference ?? theirs.text})`);
      }
      // A short warm-up of each target (JIT, pools) before the measured rounds.
      for (const t of targets) await round(t.url, t.body, connections, 1, t.pid);
      const measured = targets.map((t) => ({
        target: t.target,
        rps: [] as number[],
        errors: 0,
        requests: 0,
        cpuMs: 0,
      }));
      for (let r = 0; r < rounds; r++) {
        for (const [i, t] of targets.entries()) {
          const result = await round(t.url, t.body, connections, roundSeconds, t.pid);
          measured[i].rps.push(Math.round(result.rps));
          measured[i].errors += result.errors;
          measured[i].requests += result.requests;
          measured[i].cpuMs += result.cpuMs;
        }
      }
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const withMeans = measured.map(({ requests, cpuMs: used, ...m }) => ({
        ...m,
        meanRps: Math.round(sum(m.rps) / m.rps.length),
        cpuMsPerRequest: Number((used / Math.max(requests, 1)).toFixed(3)),
      }));
      const result: ShapeThroughput = {
        name: shape.name,
        targets: withMeans,
        ratio: Number((sum(withMeans[0].rps) / sum(withMeans[1].rps)).toFixed(3)),
        goal: THROUGHPUT_GOALS[index],
      };
      if (withMeans[2])
        result.apolloRatio = Number((sum(withMeans[2].rps) / sum(withMeans[1].rps)).toFixed(3));
      shapes.push(result);
      options.log?.(
        `${shape.name}: ${withMeans.map((m) => `${m.target} ${m.meanRps} rps`).join(', ')}; ratio ${result.ratio}`,
      );
    }
    return { connections, roundSeconds, rounds, shapes };
  } finally {
    await Promise.all(Object.values(floors).map((f) => f.stop()));
  }
}

async function targetsOf(
  shape: ThroughputShape,
  index: number,
  server: Pick<ServerProcess, 'url' | 'pid'>,
  floors: { node: Floor; apollo: Floor; raw: Floor },
  body: string,
): Promise<{ target: TargetThroughput['target']; url: string; body: string; pid: number }[]> {
  const ours = { target: 'virtlens' as const, url: `${server.url}/graphql`, body, pid: server.pid };
  if (shape.rawSql === null) {
    return Promise.resolve([
      ours,
      { target: 'node:http floor', url: `${floors.node.url}/`, body, pid: floors.node.pid },
      { target: 'Apollo floor', url: `${floors.apollo.url}/`, body, pid: floors.apollo.pid },
    ]);
  }
  return Promise.resolve([
    ours,
    { target: 'raw', url: `${floors.raw.url}/raw/${index}`, body: '', pid: floors.raw.pid },
  ]);
}

/** The Markdown table of the section. */
export function renderThroughput(t: ThroughputResult): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  return [
    `Throughput: autocannon, ${t.connections} connections, ${t.rounds} rounds of ${t.roundSeconds} s per target alternating, each server in its own process (rate limit off):`,
    '',
    '| query | virtlens rps | reference rps | ratio | goal | met | node CPU ms/request (virtlens; references) | errors |',
    '|---|---|---|---|---|---|---|---|',
    ...t.shapes.map((s) => {
      const [ours, ref, apollo] = s.targets;
      const refText =
        `${ref.target} ${fmt(ref.meanRps)}` +
        (apollo ? `; ${apollo.target} ${fmt(apollo.meanRps)} (${s.apolloRatio}×)` : '');
      const cpuText = s.targets.map((x) => x.cpuMsPerRequest).join('; ');
      return `| ${s.name} | ${fmt(ours.meanRps)} | ${refText} | ${s.ratio}× | ≥ ${s.goal}× | ${s.ratio >= s.goal ? 'yes' : '**no**'} | ${cpuText} | ${s.targets.reduce((a, x) => a + x.errors, 0)} |`;
    }),
    '',
  ].join('\n');
}
