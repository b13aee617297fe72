import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims: statements someone made about virtualization (in our own words), who made them (a person, a vendor, a
 * conference session and/or a source such as a paper), when, on which topic, of which kind, and the sources that
 * report them (`claim_source`).
 *
 * A measurable claim says what it asserts in data terms: a `metric` compared with a `threshold`, on the workloads
 * in `claim_workload`, for a guest (with its descendants), between a `candidate` and, where the metric needs one,
 * a `baseline` side (`claim_side`: mode, hypervisor, release, driver package, paging; null = any). Licensing and
 * interoperability claims name the driver packages whose dated terms bear on them (`claim_driver_package`) and
 * the licence kind they expect (`expected_license_open`). Evidence is computed at query time, never stored.
 *
 * Hand-written like the benchmark tables (no TypeORM entity: reads are set-based SQL, writes come from the
 * seeds only), so the entity drift check does not see these tables.
 */
export class Claims1795621000000 implements MigrationInterface {
  name = 'Claims1795621000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE claim_kind AS ENUM ('performance', 'interoperability', 'licensing', 'security', 'market')`,
    );
    await q.query(`CREATE TYPE claim_metric AS ENUM ('fraction_of_native', 'speedup', 'overhead_ratio',
      'fraction_ratio', 'overhead_reduction')`);
    await q.query(`CREATE TYPE claim_comparison AS ENUM ('at_least', 'at_most', 'within')`);
    await q.query(`
      CREATE TABLE claim (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        statement text NOT NULL,
        kind claim_kind NOT NULL,
        made_on date,
        made_on_precision date_precision NOT NULL DEFAULT 'day',
        person_id integer REFERENCES person(id) ON DELETE RESTRICT,
        vendor_id integer REFERENCES vendor(id) ON DELETE RESTRICT,
        session_id integer REFERENCES session(id) ON DELETE RESTRICT,
        made_in_source_id integer REFERENCES source(id) ON DELETE RESTRICT,
        topic_id integer REFERENCES topic(id) ON DELETE RESTRICT,
        assertion text,
        metric claim_metric,
        comparison claim_comparison,
        threshold double precision,
        guest_os_id integer REFERENCES operating_system(id) ON DELETE RESTRICT,
        expected_license_open boolean,
        CHECK (num_nonnulls(person_id, vendor_id, session_id, made_in_source_id) > 0),
        CHECK ((metric IS NULL) = (comparison IS NULL) AND (metric IS NULL) = (threshold IS NULL)),
        CHECK (metric IS NULL OR kind = 'performance')
      )`);
    for (const column of ['person_id', 'vendor_id', 'session_id', 'topic_id']) {
      await q.query(`CREATE INDEX claim_${column}_idx ON claim (${column})`);
    }
    await q.query(`
      CREATE TABLE claim_side (
        claim_id integer NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('candidate', 'baseline')),
        mode execution_mode,
        hypervisor_id integer REFERENCES hypervisor(id) ON DELETE RESTRICT,
        hypervisor_release_id integer REFERENCES hypervisor_release(id) ON DELETE RESTRICT,
        driver_package_id integer REFERENCES driver_package(id) ON DELETE RESTRICT,
        paging text CHECK (paging IN ('shadow', 'nested')),
        PRIMARY KEY (claim_id, role)
      )`);
    await q.query(`
      CREATE TABLE claim_workload (
        claim_id integer NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
        workload_id smallint NOT NULL REFERENCES workload(id) ON DELETE RESTRICT,
        PRIMARY KEY (claim_id, workload_id)
      )`);
    await q.query(`
      CREATE TABLE claim_driver_package (
        claim_id integer NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
        driver_package_id integer NOT NULL REFERENCES driver_package(id) ON DELETE RESTRICT,
        PRIMARY KEY (claim_id, driver_package_id)
      )`);
    await q.query(`
      CREATE TABLE claim_source (
        claim_id integer NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
        source_id integer NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        PRIMARY KEY (claim_id, source_id)
      )`);
    await q.query('CREATE INDEX claim_source_source_idx ON claim_source (source_id)');
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['claim_source', 'claim_driver_package', 'claim_workload', 'claim_side', 'claim']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query('DROP TYPE claim_comparison');
    await q.query('DROP TYPE claim_metric');
    await q.query('DROP TYPE claim_kind');
  }
}
