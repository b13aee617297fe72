import { spawn, type ChildProcess } from 'node:child_process';
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
  stop(): Promise<void>;
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

/** Requests per second of one autocannon round; errors are socket errors, non-2xx and GraphQL errors. */
async function round(
  url: string,
  body: string,
  connections: number,
  seconds: number,
): Promise<{ rps: number; errors: number }> {
  let graphqlErrors = 0;
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
  };
}

/**
 * The throughput section: for each shape, virtlens (the server process) against its reference, in rounds that
 * alternate between the targets so that the shared machine's noise falls on all of them alike. The raw answers
 * are checked equal to virtlens's first.
 */
export async function measureThroughput(
  server: Pick<ServerProcess, 'url'>,
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
      const targets = await targetsOf(shape, index, server.url, floors, body);
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
      for (const t of targets) await round(t.url, t.body, connections, 1);
      const measured = targets.map((t) => ({ target: t.target, rps: [] as number[], errors: 0 }));
      for (let r = 0; r < rounds; r++) {
        for (const [i, t] of targets.entries()) {
          const result = await round(t.url, t.body, connections, roundSeconds);
          measured[i].rps.push(Math.round(result.rps));
          measured[i].errors += result.errors;
        }
      }
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const withMeans = measured.map((m) => ({ ...m, meanRps: Math.round(sum(m.rps) / m.rps.length) }));
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
  serverUrl: string,
  floors: { node: Floor; apollo: Floor; raw: Floor },
  body: string,
): Promise<{ target: TargetThroughput['target']; url: string; body: string }[]> {
  const ours = { target: 'virtlens' as const, url: `${serverUrl}/graphql`, body };
  if (shape.rawSql === null) {
    return Promise.resolve([
      ours,
      { target: 'node:http floor', url: `${floors.node.url}/`, body },
      { target: 'Apollo floor', url: `${floors.apollo.url}/`, body },
    ]);
  }
  return Promise.resolve([ours, { target: 'raw', url: `${floors.raw.url}/raw/${index}`, body: '' }]);
}

/** The Markdown table of the section. */
export function renderThroughput(t: ThroughputResult): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  return [
    `Throughput: autocannon, ${t.connections} connections, ${t.rounds} rounds of ${t.roundSeconds} s per target alternating, each server in its own process (rate limit off):`,
    '',
    '| query | virtlens rps | reference rps | ratio | goal | met | errors |',
    '|---|---|---|---|---|---|---|',
    ...t.shapes.map((s) => {
      const [ours, ref, apollo] = s.targets;
      const refText =
        `${ref.target} ${fmt(ref.meanRps)}` +
        (apollo ? `; ${apollo.target} ${fmt(apollo.meanRps)} (${s.apolloRatio}×)` : '');
      return `| ${s.name} | ${fmt(ours.meanRps)} | ${refText} | ${s.ratio}× | ≥ ${s.goal}× | ${s.ratio >= s.goal ? 'yes' : '**no**'} | ${s.targets.reduce((a, x) => a + x.errors, 0)} |`;
    }),
    '',
  ].join('\n');
}
