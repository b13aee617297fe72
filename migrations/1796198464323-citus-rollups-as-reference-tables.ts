import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLLUPS = [
  'measurement_rollup',
  'measurement_sketch',
  'measurement_rollup_total',
  'measurement_sketch_total',
];

/**
 * On Citus, the four rollup tables become reference tables (a copy on every node) instead of tables distributed by
 * `scenario_id` and co-located with `measurement`. Without Citus (one PostgreSQL) this migration changes nothing.
 *
 * Why (the placements and their reasons live in src/db/citus.ts, which `npm run db:citus` reads):
 * - Every analytics answer is computed from the rollups joined with reference tables. Distributed, each such query
 *   went to all 32 shards and the coordinator merged the partial groups: on a real cluster (Citus 13.0.5 on
 *   PostgreSQL 15.20, two workers, issue 19) performanceStats took 41 ms at p50 against 12.5 ms on one node, and
 *   a `count(*)` over the 862 rows of measurement_rollup_total 5 ms, the fan-out's own cost. A query that reads only
 *   reference tables is routed whole to one node and planned as on one PostgreSQL.
 * - The rollups are small and grow with scenarios × workloads × months and sketch bins, not with measurements
 *   (the default run: 60,000 measurements, 11,130 month rollups, 34,656 sketch rows): copying them to every node
 *   costs a load little next to its measurements, which stay distributed.
 * - No foreign key references them, so Citus lets a load write them after its parallel COPY of the measurements
 *   in the same transaction (it refuses that only for referenced reference tables).
 * - Fewer shards would shrink the fan-out but not remove it; co-location bought nothing, since no query joins the
 *   rollups with `measurement`.
 * On one node the plans are those of plain tables (no change); the cluster figures are the measurements.
 */
export class CitusRollupsAsReferenceTables1796198464323 implements MigrationInterface {
  name = 'CitusRollupsAsReferenceTables1796198464323';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of await distributedRollups(queryRunner, 'h')) {
      await queryRunner.query('SELECT undistribute_table($1)', [table]);
      await queryRunner.query('SELECT create_reference_table($1)', [table]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of await distributedRollups(queryRunner, 'n')) {
      await queryRunner.query('SELECT undistribute_table($1)', [table]);
      await queryRunner.query(
        "SELECT create_distributed_table($1, 'scenario_id', colocate_with => 'measurement')",
        [table],
      );
    }
  }
}

/** The rollup tables Citus holds with this partition method ('h' hash, 'n' reference); none without Citus. */
async function distributedRollups(queryRunner: QueryRunner, method: 'h' | 'n'): Promise<string[]> {
  const [citus] = await queryRunner.manager.query<unknown[]>(
    `SELECT 1 FROM pg_extension WHERE extname = 'citus'`,
  );
  if (!citus) return [];
  await queryRunner.query("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'");
  const rows = await queryRunner.manager.query<{ table: string }[]>(
    `SELECT logicalrelid::regclass::text AS table FROM pg_dist_partition
      WHERE logicalrelid::regclass::text = ANY($1::text[]) AND partmethod = $2`,
    [ROLLUPS, method],
  );
  // In ROLLUPS order, so down distributes them as db:citus did.
  return ROLLUPS.filter((t) => rows.some((r) => r.table === t));
}
