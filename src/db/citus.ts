/**
 * Where each table goes on a Citus (distributed PostgreSQL) cluster, as data: the script below and the checks of
 * the migrated schema (test/db/citus.test.ts, `npm run db:citus`) both read it. A new table is added here in the
 * same change as its migration; the test fails until it is.
 */
export type CitusPlacement =
  | {
      readonly kind: 'distributed';
      /** The hash distribution column. */
      readonly column: string;
      /** The table whose shards these are co-located with; null for the group's first table. */
      readonly colocateWith: string | null;
    }
  | { readonly kind: 'reference' }
  | { readonly kind: 'local'; readonly why: string };

/** A foreign key of the migrated schema, as `pg_constraint` has it. */
export interface CatalogueForeignKey {
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  /** `pg_get_constraintdef`: `FOREIGN KEY (…) REFERENCES …(…) ON DELETE …`. */
  readonly definition: string;
}

/** The distribution column of the measurement tables: every rollup question groups or filters by scenario. */
export const DISTRIBUTION_COLUMN = 'scenario_id';

const distributed = (colocateWith: string | null): CitusPlacement => ({
  kind: 'distributed',
  column: DISTRIBUTION_COLUMN,
  colocateWith,
});
const reference: CitusPlacement = { kind: 'reference' };

/**
 * Every table and materialized view of the public schema (partitions follow their parent).
 *
 * - Distributed by `scenario_id`: `measurement`, the raw rows (range-partitioned by year; Citus distributes the
 *   partitions with it). Only loads write it and only `deleteRun` reads it; no answer is computed from it.
 * - Reference (one copy on every node): the knowledge base, the benchmark catalogue (`workload`, `testbed`,
 *   `scenario`, `benchmark_run`, …) and the four rollups. The rollups are what every analytics query reads, joined
 *   with the catalogue: as reference tables such a query runs whole on one node, as on a single PostgreSQL.
 *   Distributed and co-located with `measurement` (the first placement), each query fanned out to every shard:
 *   on Citus 13.0.5 with two workers and 32 shards, performanceStats took 41 ms at p50 against 12.5 ms on one node,
 *   and `count(*)` over the 862 rows of `measurement_rollup_total` 5 ms (issue 19). A run adds one rollup row per
 *   scenario, workload and month and one sketch row per filled bin (the default run of 60,000 measurements: 11,130
 *   and 34,656, plus 431 and 3,899 window totals); they grow with months and bins, not with measurements, so
 *   copying them to every node costs a large load little. They are not referenced by a foreign key, so Citus lets
 *   the loading transaction write them after its parallel COPY of the measurements. The other reference tables are
 *   small, joined with every rollup query, and keep their cross-column unique constraints and foreign keys,
 *   which only reference tables can.
 * - Local (plain tables on the coordinator, outside Citus's metadata): bookkeeping the server alone reads and writes
 *   on the coordinator, never joined with distributed tables.
 */
export const CITUS_PLACEMENT: Readonly<Record<string, CitusPlacement>> = {
  measurement: distributed(null),
  measurement_rollup: reference,
  measurement_sketch: reference,
  measurement_rollup_total: reference,
  measurement_sketch_total: reference,

  workload: reference,
  testbed: reference,
  testbed_hardware_feature: reference,
  scenario: reference,
  scenario_hardware_feature: reference,
  scenario_workload: reference,
  benchmark_run: reference,
  calibration_target: reference,
  source: reference,
  license: reference,
  license_source: reference,
  vendor: reference,
  vendor_source: reference,
  vendor_relation: reference,
  vendor_relation_source: reference,
  vendor_relation_hypervisor: reference,
  vendor_relation_driver_package: reference,
  vendor_relation_support_statement: reference,
  hypervisor: reference,
  hypervisor_source: reference,
  hypervisor_release: reference,
  hypervisor_release_source: reference,
  operating_system: reference,
  operating_system_source: reference,
  hardware_feature: reference,
  hardware_feature_source: reference,
  driver_package: reference,
  driver_package_source: reference,
  driver_package_guest_os: reference,
  driver_package_host_os: reference,
  driver_package_price_tier: reference,
  driver_package_term: reference,
  driver_package_term_guest_os: reference,
  driver_package_term_source: reference,
  support_statement: reference,
  support_statement_source: reference,
  support_statement_feature: reference,
  person: reference,
  person_source: reference,
  person_affiliation: reference,
  person_affiliation_source: reference,
  topic: reference,
  topic_source: reference,
  conference: reference,
  conference_source: reference,
  track: reference,
  session: reference,
  session_source: reference,
  session_speaker: reference,
  session_topic: reference,
  claim: reference,
  claim_side: reference,
  claim_workload: reference,
  claim_driver_package: reference,
  claim_source: reference,

  typeorm_migration: {
    kind: 'local',
    why: 'TypeORM’s migration bookkeeping; migrations run on the coordinator',
  },
  seed_state: {
    kind: 'local',
    why: 'seed digests, read and written only by servers starting on the coordinator',
  },
  api_key: { kind: 'local', why: 'looked up by prefix once per keyed request; joined with nothing' },
  audit_log: {
    kind: 'local',
    why: 'append-only trail written in each write’s transaction; joined with nothing',
  },
  search_document: {
    kind: 'local',
    why: 'a materialized view: Citus keeps it on the coordinator; its refresh reads the reference tables',
  },
};

/**
 * The SQL (for psql) that turns an already-migrated database into a Citus one: run on the coordinator, after
 * `CREATE EXTENSION citus` and adding the workers. One transaction: all of it happens or none of it.
 *
 * Order: the foreign keys between Citus tables are dropped first and re-created last (what the Citus docs advise
 * when distributing tables that reference each other: `create_reference_table` on a table that a plain table still
 * references, or that references one, would otherwise need the coordinator in the metadata and turn the other table
 * into a "Citus local table"); then the reference tables, referenced tables before the tables referencing them;
 * then the distributed group, its first table before the tables co-located with it.
 *
 * @param foreignKeys the foreign keys of the migrated schema (see `readCitusCatalogue`), re-created verbatim.
 */
export function citusScript(foreignKeys: readonly CatalogueForeignKey[]): string {
  const references = referenceOrder(foreignKeys);
  const groups = distributedOrder();
  const keys = foreignKeys
    .filter(
      (fk) => placementOf(fk.table).kind !== 'local' && placementOf(fk.referencedTable).kind !== 'local',
    )
    .sort((a, b) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name));
  const lines = [
    '-- virtlens on Citus: generated by `npm run db:citus` from src/db/citus.ts; run on the coordinator.',
    '\\set ON_ERROR_STOP on',
    'BEGIN;',
    // Reference tables are written, then distributed ones copied, in one transaction: one connection per node.
    "SET LOCAL citus.multi_shard_modify_mode TO 'sequential';",
    '',
    '-- 1. Foreign keys between Citus tables, re-created at the end.',
    ...keys.map((fk) => `ALTER TABLE ${ident(fk.table)} DROP CONSTRAINT ${ident(fk.name)};`),
    '',
    '-- 2. Reference tables (a copy on every node), referenced tables first.',
    ...references.map((t) => `SELECT create_reference_table('${ident(t)}');`),
    '',
    `-- 3. Distributed by ${DISTRIBUTION_COLUMN} (measurement's partitions follow it).`,
    ...groups.map(({ table, column, colocateWith }) =>
      colocateWith
        ? `SELECT create_distributed_table('${ident(table)}', '${column}', colocate_with => '${ident(colocateWith)}');`
        : `SELECT create_distributed_table('${ident(table)}', '${column}');`,
    ),
    '',
    '-- 4. The foreign keys again, now between reference tables.',
    ...keys.map((fk) => `ALTER TABLE ${ident(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition};`),
    '',
    'COMMIT;',
    '',
  ];
  return lines.join('\n');
}

/** Where a database that Citus already holds stands against {@link CITUS_PLACEMENT}. */
export interface CitusState {
  /** Tables Citus holds as placed. */
  readonly placed: readonly string[];
  /** Tables with a Citus placement that Citus does not hold yet (added by a migration since `db:citus` ran). */
  readonly missing: readonly string[];
  /** Tables Citus holds otherwise than placed here. */
  readonly misplaced: readonly { table: string; placed: CitusPlacement['kind']; held: string }[];
}

/** Compares what Citus holds (see `readCitusHoldings`) with the placements; null when it holds none of them. */
export function citusState(held: ReadonlyMap<string, string>): CitusState | null {
  const tables = Object.keys(CITUS_PLACEMENT)
    .filter((t) => CITUS_PLACEMENT[t].kind !== 'local')
    .sort();
  if (!tables.some((t) => held.has(t))) return null;
  const placed: string[] = [];
  const missing: string[] = [];
  const misplaced: { table: string; placed: CitusPlacement['kind']; held: string }[] = [];
  for (const table of tables) {
    const want = CITUS_PLACEMENT[table].kind;
    const have = held.get(table);
    if (have === undefined) missing.push(table);
    else if (have === want) placed.push(table);
    else misplaced.push({ table, placed: want, held: have });
  }
  return { placed, missing, misplaced };
}

/**
 * The SQL that places only the given tables (ones a migration added after the database was distributed), in the
 * order {@link citusScript} would: reference tables (referenced ones first), then distributed ones.
 */
export function citusFollowUpScript(
  tables: readonly string[],
  foreignKeys: readonly CatalogueForeignKey[],
): string {
  const wanted = new Set(tables);
  const references = referenceOrder(foreignKeys).filter((t) => wanted.has(t));
  const groups = distributedOrder().filter((d) => wanted.has(d.table));
  return [
    '-- virtlens on Citus: the tables added since the database was distributed (`npm run db:citus`).',
    '\\set ON_ERROR_STOP on',
    'BEGIN;',
    "SET LOCAL citus.multi_shard_modify_mode TO 'sequential';",
    ...references.map((t) => `SELECT create_reference_table('${ident(t)}');`),
    ...groups.map(({ table, column, colocateWith }) =>
      colocateWith
        ? `SELECT create_distributed_table('${ident(table)}', '${column}', colocate_with => '${ident(colocateWith)}');`
        : `SELECT create_distributed_table('${ident(table)}', '${column}');`,
    ),
    'COMMIT;',
    '',
  ].join('\n');
}

/** The placement of a table; throws for a table missing from {@link CITUS_PLACEMENT}. */
export function placementOf(table: string): CitusPlacement {
  const placement = CITUS_PLACEMENT[table];
  if (!placement) throw new Error(`Table ${table} has no Citus placement in src/db/citus.ts.`);
  return placement;
}

/** Reference tables so that every table comes after the tables it references (ties by name). */
function referenceOrder(foreignKeys: readonly CatalogueForeignKey[]): string[] {
  const tables = Object.keys(CITUS_PLACEMENT)
    .filter((t) => CITUS_PLACEMENT[t].kind === 'reference')
    .sort();
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys) {
    if (fk.table !== fk.referencedTable && needs.has(fk.table) && needs.has(fk.referencedTable)) {
      needs.get(fk.table)?.add(fk.referencedTable);
    }
  }
  const done: string[] = [];
  const placed = new Set<string>();
  while (done.length < tables.length) {
    const next = tables.find((t) => !placed.has(t) && [...(needs.get(t) ?? [])].every((d) => placed.has(d)));
    if (!next) throw new Error('The foreign keys between reference tables form a cycle.');
    placed.add(next);
    done.push(next);
  }
  return done;
}

/** Distributed tables, each after the table it is co-located with. */
function distributedOrder(): { table: string; column: string; colocateWith: string | null }[] {
  const all = Object.entries(CITUS_PLACEMENT).flatMap(([table, p]) =>
    p.kind === 'distributed' ? [{ table, column: p.column, colocateWith: p.colocateWith }] : [],
  );
  const done: typeof all = [];
  while (done.length < all.length) {
    const next = all.find(
      (d) => !done.includes(d) && (d.colocateWith === null || done.some((x) => x.table === d.colocateWith)),
    );
    if (!next) throw new Error('A distributed table is co-located with a table that is not distributed.');
    done.push(next);
  }
  return done;
}

/** A table or constraint name as it appears in SQL: bare when it is a plain lower-case name, else quoted. */
function ident(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
