import type { MigrationInterface, QueryRunner } from 'typeorm';

const FIRST_YEAR = 2002;
const LAST_YEAR = 2011;

/**
 * Benchmark storage: what was measured (`workload`), on what machine (`testbed`, with the hardware features it
 * has), in which configuration (`scenario`: hypervisor release, mode, guest, driver package, testbed, and the workloads it runs), in which
 * load (`benchmark_run`: a simulation with its seed and model version, or an ingested batch), the raw
 * `measurement` rows, and two rollups kept in step with every load.
 *
 * `measurement` is range-partitioned by simulated date, one partition a year from 2002 to 2011 (the period the
 * testbeds and releases cover; a row outside it is refused). It has no primary key, no foreign keys and no index:
 * rows are only ever appended in whole runs by the loaders, which validate every id, and no query reads raw rows
 * (the rollups answer them all). Measured on 2,000,000 rows, COPY from CSV into this table ran at 300–395k rows/s
 * without an index and at 141–160k rows/s with a (workload_id, scenario_id) btree, which nothing would use;
 * ad-hoc reads are pruned to the partitions of their dates.
 *
 * Rollups, at month grain per run, scenario and workload:
 * - `measurement_rollup`: count, sum, sum of squares, min, max (mean and stddev follow; groups merge by adding);
 * - `measurement_sketch`: a log-bucket histogram (bin k holds values in (γ^(k−1), γ^k], γ = 1.01), so any
 *   percentile of any merge of groups is known within ±0.5% relative error without reading raw rows;
 * and `measurement_rollup_total` / `measurement_sketch_total`, the same over each run's whole window (summed from
 * the month grain in the loading transaction), which answer every question that names no month.
 *
 * Measured with EXPLAIN (ANALYZE, BUFFERS) over 10,060,000 rows (bench/analytics.bench.ts writes the plans):
 * - hypervisor × mode × workload statistics from the raw rows: Parallel Seq Scan over the ten partitions
 *   (shared hit=6378 read=67856), Partial HashAggregate, Gather Merge — 9,853 ms;
 * - the same from `measurement_rollup_total`: Seq Scan of 862 rows (shared hit=14), Sort, GroupAggregate — 1.7 ms;
 * - with p50/p95/p99: plus a Seq Scan of 12,606 `measurement_sketch_total` rows and two WindowAggs — 53 ms.
 * Sequential scans are right at these sizes; the primary keys serve run replacement and integrity only.
 *
 * Citus: `measurement` and the four rollup tables are distributed by `scenario_id`
 * (co-located: every group by scenario attribute is answered shard-locally, then merged); `workload`,
 * `testbed`, `scenario`, `benchmark_run` and the knowledge tables are reference tables. Hence no identity
 * column and no unique constraint without `scenario_id`.
 */
export class BenchmarkStorage1795618574647 implements MigrationInterface {
  name = 'BenchmarkStorage1795618574647';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE execution_mode AS ENUM ('native', 'paravirtualized', 'hardware_assisted_pv_drivers',
      'hardware_assisted_emulated', 'binary_translation', 'emulated', 'os_level')`);
    await q.query(`CREATE TYPE workload_shape AS ENUM ('cpu', 'packet', 'disk')`);
    await q.query(`CREATE TYPE benchmark_run_kind AS ENUM ('simulated', 'ingested')`);
    await q.query(`
      CREATE TABLE workload (
        id smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        shape workload_shape NOT NULL,
        metric text NOT NULL,
        unit text NOT NULL,
        higher_is_better boolean NOT NULL,
        description text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE testbed (
        id smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        description text NOT NULL,
        clock_hz double precision NOT NULL CHECK (clock_hz > 0),
        link_bits_per_second double precision NOT NULL CHECK (link_bits_per_second > 0),
        cpu_generation text,
        nested_paging boolean NOT NULL,
        sriov boolean NOT NULL,
        available_from date NOT NULL
      )`);
    await q.query(`
      CREATE TABLE testbed_hardware_feature (
        testbed_id smallint NOT NULL REFERENCES testbed(id) ON DELETE CASCADE,
        hardware_feature_id integer NOT NULL REFERENCES hardware_feature(id) ON DELETE RESTRICT,
        PRIMARY KEY (testbed_id, hardware_feature_id)
      )`);
    await q.query(`
      CREATE TABLE scenario (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        mode execution_mode NOT NULL,
        system_kind text NOT NULL,
        paging text CHECK (paging IN ('shadow', 'nested')),
        devices text CHECK (devices IN ('emulated', 'pv', 'sriov')),
        hypervisor_release_id integer REFERENCES hypervisor_release(id) ON DELETE RESTRICT,
        guest_os_id integer REFERENCES operating_system(id) ON DELETE RESTRICT,
        driver_package_id integer REFERENCES driver_package(id) ON DELETE RESTRICT,
        testbed_id smallint NOT NULL REFERENCES testbed(id) ON DELETE RESTRICT,
        overhead_scale double precision NOT NULL DEFAULT 1 CHECK (overhead_scale > 0),
        simulated_from date NOT NULL,
        simulated_to date NOT NULL,
        description text NOT NULL,
        CHECK (simulated_from <= simulated_to),
        CHECK ((mode = 'native') = (hypervisor_release_id IS NULL))
      )`);
    await q.query('CREATE INDEX scenario_release_idx ON scenario (hypervisor_release_id)');
    await q.query(`
      CREATE TABLE scenario_hardware_feature (
        scenario_id integer NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        hardware_feature_id integer NOT NULL REFERENCES hardware_feature(id) ON DELETE RESTRICT,
        PRIMARY KEY (scenario_id, hardware_feature_id)
      )`);
    await q.query(`
      CREATE TABLE scenario_workload (
        scenario_id integer NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        workload_id smallint NOT NULL REFERENCES workload(id) ON DELETE RESTRICT,
        PRIMARY KEY (scenario_id, workload_id)
      )`);
    await q.query(`
      CREATE TABLE benchmark_run (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind benchmark_run_kind NOT NULL,
        label text NOT NULL,
        seed bigint,
        model_version text,
        rows_requested bigint,
        batch_id text UNIQUE,
        row_count bigint NOT NULL CHECK (row_count >= 0),
        loaded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'simulated' OR (seed IS NOT NULL AND model_version IS NOT NULL AND rows_requested IS NOT NULL)),
        CHECK (kind <> 'ingested' OR batch_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX benchmark_run_simulation_key ON benchmark_run (seed, model_version, rows_requested)
      WHERE kind = 'simulated'`);

    await q.query(`
      CREATE TABLE measurement (
        scenario_id integer NOT NULL,
        workload_id smallint NOT NULL,
        run_id integer NOT NULL,
        measured_on date NOT NULL,
        repetition integer NOT NULL,
        value double precision NOT NULL CHECK (value > 0 AND value < 'Infinity')
      ) PARTITION BY RANGE (measured_on)`);
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      await q.query(
        `CREATE TABLE measurement_y${year} PARTITION OF measurement
           FOR VALUES FROM ('${year}-01-01') TO ('${year + 1}-01-01')`,
      );
    }

    // No foreign keys on the rollups either: the loader writes them from the scenarios and workloads it read in
    // the same transaction, and per-row reference checks cost more than the COPY of the rows themselves
    // (measured: 46k rollup and sketch rows of the default run took 0.55–0.7 s with them).
    const group = `
        run_id integer NOT NULL,
        scenario_id integer NOT NULL,
        workload_id smallint NOT NULL,
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),`;
    await q.query(`
      CREATE TABLE measurement_rollup (${group}
        count bigint NOT NULL CHECK (count > 0),
        sum double precision NOT NULL,
        sum_sq double precision NOT NULL,
        min double precision NOT NULL,
        max double precision NOT NULL,
        PRIMARY KEY (scenario_id, workload_id, month, run_id)
      )`);
    await q.query('CREATE INDEX measurement_rollup_run_idx ON measurement_rollup (run_id)');
    await q.query(`
      CREATE TABLE measurement_sketch (${group}
        bin integer NOT NULL,
        count bigint NOT NULL CHECK (count > 0),
        PRIMARY KEY (scenario_id, workload_id, month, run_id, bin)
      )`);
    await q.query('CREATE INDEX measurement_sketch_run_idx ON measurement_sketch (run_id)');

    // The same two rollups over a run's whole window, for questions without dates (most of them): a run has
    // about 25 months per (scenario, workload), so these are ~25× smaller than the month-grain tables.
    await q.query(`
      CREATE TABLE measurement_rollup_total (
        run_id integer NOT NULL,
        scenario_id integer NOT NULL,
        workload_id smallint NOT NULL,
        count bigint NOT NULL CHECK (count > 0),
        sum double precision NOT NULL,
        sum_sq double precision NOT NULL,
        min double precision NOT NULL,
        max double precision NOT NULL,
        PRIMARY KEY (scenario_id, workload_id, run_id)
      )`);
    await q.query(`
      CREATE TABLE measurement_sketch_total (
        run_id integer NOT NULL,
        scenario_id integer NOT NULL,
        workload_id smallint NOT NULL,
        bin integer NOT NULL,
        count bigint NOT NULL CHECK (count > 0),
        PRIMARY KEY (scenario_id, workload_id, run_id, bin)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'measurement_sketch_total',
      'measurement_rollup_total',
      'measurement_sketch',
      'measurement_rollup',
      'measurement',
      'benchmark_run',
      'scenario_workload',
      'scenario_hardware_feature',
      'scenario',
      'testbed_hardware_feature',
      'testbed',
      'workload',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query('DROP TYPE benchmark_run_kind');
    await q.query('DROP TYPE workload_shape');
    await q.query('DROP TYPE execution_mode');
  }
}
