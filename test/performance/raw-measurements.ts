import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { EXECUTION_MODES } from '../../src/benchmarks/benchmark.type';
import type { Dimension } from '../../src/performance/performance.type';
import { loadSimulatedRun, type LoadedRun } from '../../src/simulator/runs/load-run';
import type { TestServer } from '../support/server';

/**
 * Reference figures for the performance queries, computed from the raw `measurement` rows with plain SQL joins and
 * JavaScript, never from the rollups the server reads.
 */

/** One raw measurement with every attribute a query can group or filter by (ids order groups as SQL does). */
export interface RawRow {
  runId: number;
  scenarioId: number;
  scenario: string;
  workloadId: number;
  workload: string;
  higherIsBetter: boolean;
  mode: string;
  hypervisorId: number | null;
  hypervisor: string | null;
  releaseId: number | null;
  release: string | null;
  guestId: number;
  guest: string;
  family: string;
  driverPackageId: number | null;
  driverPackage: string | null;
  testbedId: number;
  testbed: string;
  features: { id: number; slug: string }[];
  /** "YYYY-MM" of the simulated date. */
  month: string;
  value: number;
}

const RAW_SQL = `
  SELECT m.run_id AS "runId", m.scenario_id AS "scenarioId", s.slug AS scenario, m.workload_id AS "workloadId",
         w.slug AS workload, w.higher_is_better AS "higherIsBetter", s.mode::text AS mode,
         h.id AS "hypervisorId", h.slug AS hypervisor, hr.id AS "releaseId", hr.slug AS release,
         o.id AS "guestId", o.slug AS guest, o.family::text AS family,
         d.id AS "driverPackageId", d.slug AS "driverPackage", t.id AS "testbedId", t.slug AS testbed,
         coalesce((SELECT json_agg(json_build_object('id', f.id, 'slug', f.slug) ORDER BY f.id)
                     FROM scenario_hardware_feature sf JOIN hardware_feature f ON f.id = sf.hardware_feature_id
                    WHERE sf.scenario_id = s.id), '[]') AS features,
         to_char(m.measured_on, 'YYYY-MM') AS month, m.value
    FROM measurement m
    JOIN scenario s ON s.id = m.scenario_id
    JOIN workload w ON w.id = m.workload_id
    JOIN testbed t ON t.id = s.testbed_id
    JOIN operating_system o ON o.id = s.guest_os_id
    LEFT JOIN hypervisor_release hr ON hr.id = s.hypervisor_release_id
    LEFT JOIN hypervisor h ON h.id = hr.hypervisor_id
    LEFT JOIN driver_package d ON d.id = s.driver_package_id`;

/** Every raw measurement of the database, with its attributes. */
export async function rawRows(url: string): Promise<RawRow[]> {
  return withClient(url, async (c) => (await c.query<RawRow>(RAW_SQL)).rows);
}

/** The ids of an operating system and all its descendants (what a `guests` filter slug takes). */
export async function osWithDescendants(url: string, slug: string): Promise<Set<number>> {
  const all = await withClient(
    url,
    async (c) =>
      (
        await c.query<{ id: number; slug: string; parentId: number | null }>(
          'SELECT id, slug, parent_id AS "parentId" FROM operating_system',
        )
      ).rows,
  );
  const ids = new Set(all.filter((o) => o.slug === slug).map((o) => o.id));
  for (let grew = true; grew;) {
    grew = false;
    for (const o of all) {
      if (o.parentId !== null && ids.has(o.parentId) && !ids.has(o.id)) {
        ids.add(o.id);
        grew = true;
      }
    }
  }
  return ids;
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Loads a further simulated run into the server's database, in its own transaction. */
export async function loadRun(server: TestServer, seed: number, rows: number): Promise<LoadedRun> {
  const queryRunner: QueryRunner = server.app.dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    const run = await loadSimulatedRun(queryRunner, { seed, rows, label: `test run, seed ${seed}` });
    await queryRunner.commitTransaction();
    return run;
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  } finally {
    await queryRunner.release();
  }
}

/** "2007-Q3" of "2007-08". */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/** A group key as the API shows it: every key field, null where not grouped. */
export interface ApiKey {
  mode: string | null;
  period: string | null;
  hypervisor: { slug: string } | null;
  release: { slug: string } | null;
  guest: { slug: string } | null;
  driverPackage: { slug: string } | null;
  workload: { slug: string } | null;
  testbed: { slug: string } | null;
  scenario: { slug: string } | null;
  hardwareFeature: { slug: string } | null;
}

/** The GraphQL selection that gives an {@link ApiKey}. */
export const KEY_SELECTION = `key { mode period hypervisor { slug } release { slug } guest { slug }
  driverPackage { slug } workload { slug } testbed { slug } scenario { slug } hardwareFeature { slug } }`;

type Part = { order: number | string | null; apply: (key: ApiKey) => void };

const slugOf = (slug: string | null) => (slug === null ? null : { slug });

/** The values a row takes in one dimension (several for HARDWARE_FEATURE; a row without one takes null). */
function parts(row: RawRow, dimension: Dimension): Part[] {
  switch (dimension) {
    case 'HYPERVISOR':
      return [{ order: row.hypervisorId, apply: (k) => (k.hypervisor = slugOf(row.hypervisor)) }];
    case 'RELEASE':
      return [{ order: row.releaseId, apply: (k) => (k.release = slugOf(row.release)) }];
    case 'MODE':
      return [
        {
          order: EXECUTION_MODES.indexOf(row.mode as never),
          apply: (k) => (k.mode = row.mode.toUpperCase()),
        },
      ];
    case 'GUEST':
      return [{ order: row.guestId, apply: (k) => (k.guest = slugOf(row.guest)) }];
    case 'DRIVER_PACKAGE':
      return [{ order: row.driverPackageId, apply: (k) => (k.driverPackage = slugOf(row.driverPackage)) }];
    case 'WORKLOAD':
      return [{ order: row.workloadId, apply: (k) => (k.workload = slugOf(row.workload)) }];
    case 'TESTBED':
      return [{ order: row.testbedId, apply: (k) => (k.testbed = slugOf(row.testbed)) }];
    case 'SCENARIO':
      return [{ order: row.scenarioId, apply: (k) => (k.scenario = slugOf(row.scenario)) }];
    case 'HARDWARE_FEATURE':
      return row.features.length
        ? row.features.map((f) => ({
            order: f.id,
            apply: (k: ApiKey) => (k.hardwareFeature = { slug: f.slug }),
          }))
        : [{ order: null, apply: (k) => (k.hardwareFeature = null) }];
    case 'MONTH':
      return [{ order: row.month, apply: (k) => (k.period = row.month) }];
    case 'QUARTER':
      return [{ order: quarterOf(row.month), apply: (k) => (k.period = quarterOf(row.month)) }];
    case 'YEAR':
      return [{ order: row.month.slice(0, 4), apply: (k) => (k.period = row.month.slice(0, 4)) }];
  }
}

export interface RawGroup {
  key: ApiKey;
  rows: RawRow[];
  order: (number | string | null)[];
}

/** Groups rows by dimensions, in the API's order (ascending by each key, nulls last). */
export function groupRows(rows: readonly RawRow[], dimensions: readonly Dimension[]): RawGroup[] {
  const groups = new Map<string, RawGroup>();
  for (const row of rows) {
    let combos: Part[][] = [[]];
    for (const d of dimensions) combos = combos.flatMap((c) => parts(row, d).map((p) => [...c, p]));
    for (const combo of combos) {
      const id = JSON.stringify(combo.map((p) => p.order));
      let group = groups.get(id);
      if (!group) {
        const key: ApiKey = {
          mode: null,
          period: null,
          hypervisor: null,
          release: null,
          guest: null,
          driverPackage: null,
          workload: null,
          testbed: null,
          scenario: null,
          hardwareFeature: null,
        };
        combo.forEach((p) => p.apply(key));
        groups.set(id, (group = { key, rows: [], order: combo.map((p) => p.order) }));
      }
      group.rows.push(row);
    }
  }
  return [...groups.values()].sort((a, b) => compareOrder(a.order, b.order));
}

function compareOrder(a: (number | string | null)[], b: (number | string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** PostgreSQL's percentile_disc: the value of rank ⌈q·n⌉ (1-based) of the ascending values. */
export function lowerPercentile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}

export const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** Matches a number within `tolerance` relative to `expected` (in an object compared with toEqual). */
export function near(expected: number, tolerance = 1e-9): number {
  const allowed = Math.abs(expected) * tolerance || tolerance;
  // closeTo passes when |actual − expected| < 10^-digits / 2.
  return expect.closeTo(expected, -Math.log10(2 * allowed)) as number;
}
