import type { DataSource } from 'typeorm';
import { toGlobalId } from '../shared/global-id';
import type { Page, PageRequest } from '../shared/pagination';
import type { BenchmarkRun, ExecutionMode, Scenario, Testbed, Workload } from './benchmark.type';

export interface ScenarioFilter {
  mode?: ExecutionMode | null;
  hypervisor?: string | null;
  testbed?: string | null;
  workload?: string | null;
}

const WORKLOAD = `SELECT id, slug, name, shape, metric, unit, higher_is_better AS "higherIsBetter", description
                    FROM workload`;
const TESTBED = `SELECT id, slug, description, clock_hz AS "clockHz", link_bits_per_second AS "linkBitsPerSecond",
                        cpu_generation AS "cpuGeneration", nested_paging AS "nestedPaging", sriov,
                        available_from AS "availableFrom"
                   FROM testbed`;
const SCENARIO = `SELECT s.id, s.slug, s.name, s.mode, s.system_kind AS "systemKind", s.paging, s.devices,
                         s.overhead_scale AS "overheadScale", s.simulated_from AS "simulatedFrom",
                         s.simulated_to AS "simulatedTo", s.description, s.hypervisor_release_id AS "releaseId",
                         s.guest_os_id AS "guestId", s.driver_package_id AS "driverPackageId",
                         s.testbed_id AS "testbedId"
                    FROM scenario s`;

/** The benchmark catalogue: workloads, testbeds, scenarios and runs (read-only). */
export class BenchmarkCatalogService {
  constructor(private readonly db: DataSource) {}

  async workloads(): Promise<Workload[]> {
    return (await this.db.query<Workload[]>(`${WORKLOAD} ORDER BY slug`)).map(withId('Workload'));
  }

  async workloadsByIds(ids: readonly number[]): Promise<Workload[]> {
    return (await this.db.query<Workload[]>(`${WORKLOAD} WHERE id = ANY($1::int[])`, [ids])).map(
      withId('Workload'),
    );
  }

  async testbeds(): Promise<Testbed[]> {
    return (await this.db.query<Testbed[]>(`${TESTBED} ORDER BY available_from, slug`)).map(
      withId('Testbed'),
    );
  }

  async testbedsByIds(ids: readonly number[]): Promise<Testbed[]> {
    return (await this.db.query<Testbed[]>(`${TESTBED} WHERE id = ANY($1::int[])`, [ids])).map(
      withId('Testbed'),
    );
  }

  /**
   * One page of scenarios and the number matching, in one statement. The count comes from its own row (a
   * `count(*) OVER ()` on the page's rows would say 0 for an empty page: `first: 0`, or after the last item).
   */
  async scenarios(filter: ScenarioFilter, page: PageRequest): Promise<Page<Scenario>> {
    const rows = await this.db.query<(Scenario & { total: number })[]>(
      `WITH matching AS (
         ${SCENARIO}
          WHERE ($1::execution_mode IS NULL OR s.mode = $1)
            AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM hypervisor_release r JOIN hypervisor h ON h.id = r.hypervisor_id
                                              WHERE r.id = s.hypervisor_release_id AND h.slug = $2))
            AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM testbed t WHERE t.id = s.testbed_id AND t.slug = $3))
            AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM scenario_workload sw JOIN workload w ON w.id = sw.workload_id
                                              WHERE sw.scenario_id = s.id AND w.slug = $4))
       )
       SELECT t.total, p.*
         FROM (SELECT count(*)::int AS total FROM matching) t
         LEFT JOIN LATERAL (SELECT * FROM matching ORDER BY slug OFFSET $5 LIMIT $6) p ON true
        ORDER BY p.slug`,
      [
        filter.mode ?? null,
        filter.hypervisor ?? null,
        filter.testbed ?? null,
        filter.workload ?? null,
        page.offset,
        page.limit,
      ],
    );
    const totalCount = rows[0]?.total ?? 0;
    const found = rows.filter((row) => row.id !== null).map(({ total: _total, ...row }) => row);
    return { rows: found.map(withId('Scenario')), totalCount, offset: page.offset };
  }

  async scenarioBySlug(slug: string): Promise<Scenario | null> {
    const [row] = await this.db.query<Scenario[]>(`${SCENARIO} WHERE s.slug = $1`, [slug]);
    return row ? withId('Scenario')(row) : null;
  }

  async scenariosByIds(ids: readonly number[]): Promise<Scenario[]> {
    return (await this.db.query<Scenario[]>(`${SCENARIO} WHERE s.id = ANY($1::int[])`, [ids])).map(
      withId('Scenario'),
    );
  }

  /** The workloads each scenario runs, tagged with the scenario id. */
  async workloadsOfScenarios(ids: readonly number[]): Promise<(Workload & { ownerId: number })[]> {
    const rows = await this.db.query<(Workload & { ownerId: number })[]>(
      `SELECT sw.scenario_id AS "ownerId", w.id, w.slug, w.name, w.shape, w.metric, w.unit,
              w.higher_is_better AS "higherIsBetter", w.description
         FROM scenario_workload sw JOIN workload w ON w.id = sw.workload_id
        WHERE sw.scenario_id = ANY($1::int[]) ORDER BY w.slug`,
      [ids],
    );
    return rows.map(withId('Workload'));
  }

  /** Hardware feature ids per owner: the features a testbed has, or a scenario exercises. */
  async featureIdsOf(
    owner: 'testbed' | 'scenario',
    ids: readonly number[],
  ): Promise<{ ownerId: number; id: number }[]> {
    // `owner` is one of two literals, never input.
    return this.db.query(
      `SELECT ${owner}_id AS "ownerId", hardware_feature_id AS id FROM ${owner}_hardware_feature
        WHERE ${owner}_id = ANY($1::int[]) ORDER BY hardware_feature_id`,
      [ids],
    );
  }

  async runs(): Promise<BenchmarkRun[]> {
    return this.db.query<BenchmarkRun[]>(
      `SELECT id, kind, label, seed::float8 AS seed, model_version AS "modelVersion", batch_id AS "batchId",
              row_count::float8 AS "rowCount", loaded_at AS "loadedAt"
         FROM benchmark_run ORDER BY id`,
    );
  }
}

function withId(type: string) {
  return <T extends { id: number | string }>(row: T): T & { rowId: number; id: string } => {
    const rowId = row.id as number;
    return { ...row, rowId, id: toGlobalId(type, rowId) };
  };
}
