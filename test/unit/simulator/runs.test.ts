import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expandFamilies } from '../../../seeds/benchmark.seed';
import { SEED_DATA_DIR } from '../../../seeds/seed';
import { sketchBin } from '../../../src/performance/statistics';
import { FROZEN_PARAMETERS, MODEL_VERSION } from '../../../src/simulator/model/frozen-parameters';
import { eventCycles, simulate, testbed } from '../../../src/simulator/model/model';
import type { SystemConfig } from '../../../src/simulator/model/systems';
import { WORKLOADS, workload } from '../../../src/simulator/model/workloads';
import {
  epochDay,
  planRun,
  repetitionDay,
  type Cell,
  type ScenarioSpec,
} from '../../../src/simulator/runs/plan';
import {
  cellBaseValue,
  measurementChunks,
  recordedValue,
  RollupAccumulator,
} from '../../../src/simulator/runs/rows';

const params = FROZEN_PARAMETERS;

/** The seeded scenarios as the generator sees them (ids in seed order, as the database would number them). */
function seededSpecs(): ScenarioSpec[] {
  const spec = JSON.parse(readFileSync(path.join(SEED_DATA_DIR, 'benchmark_scenarios.json'), 'utf8'));
  const workloadId = (slug: string) => WORKLOADS.findIndex((w) => w.slug === slug) + 1;
  return expandFamilies(spec).map((s, i) => ({
    id: i + 1,
    slug: s.slug,
    config:
      s.systemKind === 'hvm'
        ? { kind: 'hvm', paging: s.paging ?? 'shadow', devices: s.devices ?? 'emulated' }
        : { kind: s.systemKind },
    testbed: testbed(s.testbed),
    overheadScale: s.overheadScale,
    from: s.from,
    to: s.to,
    workloads: s.workloads
      .map((slug) => ({ id: workloadId(slug), workload: workload(slug) }))
      .sort((a, b) => a.id - b.id),
  }));
}

const SPECS = seededSpecs();
const PAIRS = SPECS.flatMap((s) => s.workloads.map((w) => `${s.id}/${w.id}`));

describe('planRun', () => {
  it.each([1, 7, PAIRS.length - 1, PAIRS.length, 1_000, 60_000, 60_001])(
    'splits %i rows exactly, at most one apart, in the order of the scenarios and their workloads',
    (rows) => {
      const cells = planRun(SPECS, rows);
      expect(cells.reduce((n, c) => n + c.rows, 0)).toBe(rows);
      const sizes = cells.map((c) => c.rows);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      // Pairs beyond the row count get nothing and are left out; the others keep their order, larger first.
      expect(cells.map((c) => `${c.scenario.id}/${c.workloadId}`)).toEqual(PAIRS.slice(0, cells.length));
      expect(cells).toHaveLength(Math.min(rows, PAIRS.length));
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    },
  );

  it('gives the same plan for the same scenarios and row count', () => {
    expect(planRun(seededSpecs(), 12_345)).toEqual(planRun(SPECS, 12_345));
  });

  it('dates each cell with its scenario’s window', () => {
    for (const cell of planRun(SPECS, 5_000)) {
      expect([cell.fromDay, cell.toDay]).toEqual([epochDay(cell.scenario.from), epochDay(cell.scenario.to)]);
    }
  });

  it.each([0, -3, 2.5, Number.NaN])('refuses %p rows', (rows) => {
    expect(() => planRun(SPECS, rows)).toThrow(
      new RangeError(`rows must be a positive integer, got ${rows}`),
    );
  });

  it('refuses scenarios without workloads', () => {
    expect(() => planRun([{ ...SPECS[0], workloads: [] }], 10)).toThrow(
      new RangeError('No scenario has a workload: nothing to simulate'),
    );
  });
});

describe('repetitionDay', () => {
  const cell = (rows: number, from = '2007-09-10', to = '2007-12-31'): Cell => ({
    scenario: SPECS[0],
    workloadId: 1,
    workload: WORKLOADS[0],
    rows,
    fromDay: epochDay(from),
    toDay: epochDay(to),
  });

  it.each([1, 2, 50, 113, 114, 5_000])(
    'spreads %i repetitions over the window, in order, starting on its first day',
    (rows) => {
      const c = cell(rows);
      const days = Array.from({ length: rows }, (_, r) => repetitionDay(c, r));
      expect(days[0]).toBe(c.fromDay);
      expect(days).toEqual([...days].sort((a, b) => a - b));
      expect(Math.max(...days)).toBeLessThanOrEqual(c.toDay);
      // With at least a repetition a day, every day of the window gets one.
      if (rows >= c.toDay - c.fromDay + 1) expect(new Set(days).size).toBe(c.toDay - c.fromDay + 1);
    },
  );

  it('keeps every cell of a seeded plan inside its window', () => {
    for (const c of planRun(SPECS, 60_000)) {
      expect(repetitionDay(c, 0)).toBe(c.fromDay);
      expect(repetitionDay(c, c.rows - 1)).toBeLessThanOrEqual(c.toDay);
    }
  });
});

interface Generated {
  bytes: Buffer;
  rows: number;
  rollups: RollupAccumulator;
}

function generate(seed: number, rows: number, chunkBytes?: number): Generated {
  const rollups = new RollupAccumulator(7);
  const run = { runId: 7, seed, modelVersion: MODEL_VERSION, parameters: params };
  const chunks = [...measurementChunks(planRun(SPECS, rows), run, rollups, chunkBytes)];
  return {
    bytes: Buffer.concat(chunks.map((c) => c.bytes)),
    rows: chunks.reduce((n, c) => n + c.rows, 0),
    rollups,
  };
}

/** COPY text lines as (scenario, workload, run, date, repetition, value). */
function parse(bytes: Buffer) {
  return bytes
    .toString('latin1')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [scenario, workloadId, run, date, repetition, value] = line.split('\t');
      return {
        scenario: Number(scenario),
        workload: Number(workloadId),
        run: Number(run),
        date,
        repetition: Number(repetition),
        value: Number(value),
        text: value,
      };
    });
}

describe('measurementChunks', () => {
  const first = generate(2007, 6_000);

  it('gives byte-identical COPY text for the same seed, whatever the chunk size', () => {
    const again = generate(2007, 6_000, 4096);
    expect(again.rows).toBe(6_000);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(again.rollups.rollupLines).toEqual(first.rollups.rollupLines);
    expect(again.rollups.sketchLines).toEqual(first.rollups.sketchLines);
  });

  it('gives other values, on the same dates, for another seed', () => {
    const other = parse(generate(2008, 6_000).bytes);
    const mine = parse(first.bytes);
    expect(other.map((l) => [l.scenario, l.workload, l.date, l.repetition])).toEqual(
      mine.map((l) => [l.scenario, l.workload, l.date, l.repetition]),
    );
    const same = other.filter((l, i) => l.value === mine[i].value).length;
    expect(same / mine.length).toBeLessThan(0.05);
  });

  it('writes one line per planned row: repetitions 0… per cell, dated in the window, values with 4 decimals', () => {
    const lines = parse(first.bytes);
    const cells = planRun(SPECS, 6_000);
    expect(lines).toHaveLength(6_000);
    const expected = cells.flatMap((cell) =>
      Array.from({ length: cell.rows }, (_, r) => [
        cell.scenario.id,
        cell.workloadId,
        7,
        r,
        repetitionDay(cell, r),
      ]),
    );
    expect(lines.map((l) => [l.scenario, l.workload, l.run, l.repetition, epochDay(l.date)])).toEqual(
      expected,
    );
    const bases = new Map(cells.map((c) => [`${c.scenario.id}/${c.workloadId}`, cellBaseValue(c, params)]));
    // Noise scatters around the base value; outliers are at most a few tens of per cent off.
    const odd = lines.filter((l) => {
      const ratio = l.value / bases.get(`${l.scenario}/${l.workload}`)!;
      return !/^\d+\.\d{4}$/.test(l.text) || recordedValue(l.value) !== l.value || ratio < 0.5 || ratio > 2;
    });
    expect(odd).toEqual([]);
  });

  it('feeds rollups equal to count, sum, sum of squares, min, max and sketch bins recomputed per month', () => {
    const groups = new Map<string, number[]>();
    for (const l of parse(first.bytes)) {
      const id = `7\t${l.scenario}\t${l.workload}\t${l.date.slice(0, 7)}-01`;
      groups.set(id, [...(groups.get(id) ?? []), l.value]);
    }
    const rollupLines: string[] = [];
    const sketchLines: string[] = [];
    for (const [id, values] of groups) {
      let sum = 0;
      let sumSq = 0;
      for (const v of values) {
        sum += v;
        sumSq += v * v;
      }
      rollupLines.push(
        `${id}\t${values.length}\t${sum}\t${sumSq}\t${Math.min(...values)}\t${Math.max(...values)}\n`,
      );
      const bins = new Map<number, number>();
      for (const v of values) bins.set(sketchBin(v), (bins.get(sketchBin(v)) ?? 0) + 1);
      for (const [bin, n] of [...bins].sort((a, b) => a[0] - b[0])) sketchLines.push(`${id}\t${bin}\t${n}\n`);
    }
    expect(first.rollups.rollupLines).toEqual(rollupLines);
    expect(first.rollups.sketchLines).toEqual(sketchLines);
  });
});

describe('RollupAccumulator', () => {
  it('closes a group when the next opens, skips empty groups, and sorts bins', () => {
    const acc = new RollupAccumulator(3);
    acc.open(1, 2, '2007-09-01');
    for (const v of [2, 1, 1.5, 2]) acc.add(v);
    acc.open(1, 2, '2007-10-01');
    acc.open(1, 2, '2007-11-01');
    acc.add(10);
    acc.close();
    acc.close();
    expect(acc.rollupLines).toEqual([
      '3\t1\t2\t2007-09-01\t4\t6.5\t11.25\t1\t2\n',
      '3\t1\t2\t2007-11-01\t1\t10\t100\t10\t10\n',
    ]);
    expect(acc.sketchLines).toEqual([
      `3\t1\t2\t2007-09-01\t0\t1\n`,
      `3\t1\t2\t2007-09-01\t${sketchBin(1.5)}\t1\n`,
      `3\t1\t2\t2007-09-01\t${sketchBin(2)}\t2\n`,
      `3\t1\t2\t2007-11-01\t${sketchBin(10)}\t1\n`,
    ]);
  });
});

describe('the model behind the rows', () => {
  const barcelona = testbed('opteron-barcelona-2000');

  function cellOf(slug: string, config: SystemConfig, bed = barcelona, overheadScale = 1): Cell {
    const spec: ScenarioSpec = {
      id: 1,
      slug: 'probe',
      config,
      testbed: bed,
      overheadScale,
      from: '2008-01-01',
      to: '2008-12-31',
      workloads: [{ id: 1, workload: workload(slug) }],
    };
    return planRun([spec], 1)[0];
  }

  it.each(['kernel-build', 'forkwait'])(
    'nested paging lowers the overhead of the MMU-heavy %s against shadow paging on the same testbed',
    (slug) => {
      const slowdown = (paging: 'shadow' | 'nested') =>
        simulate(workload(slug), { kind: 'hvm', paging }, barcelona, params).slowdown;
      expect(slowdown('nested') - 1).toBeLessThan((slowdown('shadow') - 1) / 2);
      // A time metric: the generated base value falls with the overhead.
      expect(cellBaseValue(cellOf(slug, { kind: 'hvm', paging: 'nested' }), params)).toBeLessThan(
        cellBaseValue(cellOf(slug, { kind: 'hvm', paging: 'shadow' }), params),
      );
    },
  );

  it.each(['net-rx', 'net-tx'])('PV devices beat emulated devices on %s on every VT-x testbed', (slug) => {
    for (const bed of ['pentium4-672', 'core2-duo-2660', 'opteron-barcelona-2000'].map(testbed)) {
      const value = (devices: 'pv' | 'emulated') =>
        cellBaseValue(cellOf(slug, { kind: 'hvm', devices }, bed), params);
      expect(value('pv')).toBeGreaterThan(1.5 * value('emulated'));
    }
  });

  it('PV block beats emulated IDE on disk-io (CPU path in series with the disk) at fewer cycles per request', () => {
    for (const bed of ['pentium4-672', 'core2-duo-2660', 'opteron-barcelona-2000'].map(testbed)) {
      const value = (devices: 'pv' | 'emulated') =>
        cellBaseValue(cellOf('disk-io', { kind: 'hvm', devices }, bed), params);
      expect(value('pv')).toBeGreaterThan(value('emulated'));
      const cycles = (devices: 'pv' | 'emulated') =>
        eventCycles('diskRequest', { kind: 'hvm', devices }, bed, params);
      expect(cycles('pv')).toBeLessThan(cycles('emulated'));
    }
  });

  it.each(WORKLOADS.map((w) => w.slug))(
    'an overhead scale above 1 makes %s slower wherever it has an overhead, and 1 leaves the model alone',
    (slug) => {
      const config: SystemConfig = { kind: 'bt' };
      const bed = testbed('pentium4-672');
      const sim = simulate(workload(slug), config, bed, params);
      const at = (scale: number) => cellBaseValue(cellOf(slug, config, bed, scale), params);
      expect(at(1)).toBe(sim.value);
      if (sim.slowdown > 1 + 1e-12) {
        // Slower: a throughput falls, a time grows.
        if (workload(slug).higherIsBetter) expect(at(1.5)).toBeLessThanOrEqual(at(1));
        else expect(at(1.5)).toBeGreaterThanOrEqual(at(1));
      }
    },
  );

  it('gives every cell of every seeded scenario a base value of at least 1, which 4 decimals keep to 5e-5', () => {
    const cells = planRun(SPECS, PAIRS.length);
    expect(cells).toHaveLength(PAIRS.length);
    for (const cell of cells) {
      const base = cellBaseValue(cell, params);
      expect(base).toBeGreaterThanOrEqual(1);
      expect(Math.abs(recordedValue(base) - base) / base).toBeLessThanOrEqual(5e-5);
      expect(Math.abs(recordedValue(base) * 1e4 - Math.round(base * 1e4))).toBeLessThan(1e-6);
    }
  });
});
