import type { EntityManager } from 'typeorm';
import { MODEL_VERSION } from '../src/simulator/model/frozen-parameters';
import { effectiveConfig, TESTBEDS, testbed as modelTestbed } from '../src/simulator/model/model';
import type { DevicePath, Paging, SystemConfig, SystemKind } from '../src/simulator/model/systems';
import { WORKLOADS, workload as modelWorkload } from '../src/simulator/model/workloads';
import { deleteRun, loadSimulatedRun } from '../src/simulator/runs/load-run';
import { DEFAULT_RUN } from '../src/simulator/runs/default-run';
import { idsBySlug, lookup, SeedDataError, upsert, type Seed, type SeedResult } from './seed';

interface ScenarioFamily {
  slug: string;
  name: string;
  mode: string;
  system: { kind: SystemKind; paging?: Paging; devices?: DevicePath };
  release?: string;
  guest: string;
  driver?: string;
  workloads: string;
  overheadScale?: number;
  testbeds: string[];
  from: string;
  to: string;
  window: string;
}

interface ScenarioData {
  testbeds: { slug: string; hardwareFeatures: string[] }[];
  workloadSets: Record<string, string[]>;
  families: ScenarioFamily[];
}

/** Features that only matter to a guest when the VMM uses nested paging. */
const NESTED_PAGING_FEATURES = new Set(['amd-rvi', 'intel-ept']);

/**
 * The benchmark catalogue and the default dataset: workloads and testbeds (from the model), scenarios (scenario
 * families of `benchmark_scenarios.json` expanded over their testbeds), and the default simulated run that
 * `npm start` serves. Reloaded when the data or the model version changes; the previous default run is replaced.
 */
export const benchmarkSeed: Seed = {
  name: 'benchmarks',
  files: ['benchmark_scenarios.json'],
  version: `${MODEL_VERSION}/${DEFAULT_RUN.seed}/${DEFAULT_RUN.rows}`,
  async load(manager, data): Promise<SeedResult> {
    const spec = data['benchmark_scenarios.json'] as ScenarioData;
    const queryRunner = manager.queryRunner;
    if (!queryRunner) throw new Error('the benchmark seed runs in a transaction');
    const defaults = await manager.query<{ id: number }[]>(
      `SELECT id FROM benchmark_run WHERE kind = 'simulated' AND label = $1`,
      [DEFAULT_RUN.label],
    );
    for (const run of defaults) await deleteRun(queryRunner, run.id);

    const workloadIds = await upsert(
      manager,
      `INSERT INTO workload (slug, name, shape, metric, unit, higher_is_better, description)
       SELECT slug, name, shape::workload_shape, metric, unit, "higherIsBetter", description
         FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, shape text, metric text, unit text,
              "higherIsBetter" boolean, description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, shape = excluded.shape, metric = excluded.metric,
         unit = excluded.unit, higher_is_better = excluded.higher_is_better, description = excluded.description
       RETURNING id, slug`,
      WORKLOADS.map((w) => ({ ...w })),
    );
    const testbedIds = await loadTestbeds(manager, spec);
    const scenarios = expandFamilies(spec);
    // One after another: they share the transaction's connection.
    const releaseIds = await idsBySlug(manager, 'hypervisor_release');
    const osIds = await idsBySlug(manager, 'operating_system');
    const driverIds = await idsBySlug(manager, 'driver_package');
    const scenarioIds = await upsert(
      manager,
      `INSERT INTO scenario (slug, name, mode, system_kind, paging, devices, hypervisor_release_id, guest_os_id,
                             driver_package_id, testbed_id, overhead_scale, simulated_from, simulated_to, description)
       SELECT slug, name, mode::execution_mode, "systemKind", paging, devices, "releaseId", "guestId", "driverId",
              "testbedId", "overheadScale", "from"::date, "to"::date, description
         FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text, mode text, "systemKind" text, paging text,
              devices text, "releaseId" int, "guestId" int, "driverId" int, "testbedId" int,
              "overheadScale" float8, "from" text, "to" text, description text)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, mode = excluded.mode,
         system_kind = excluded.system_kind, paging = excluded.paging, devices = excluded.devices,
         hypervisor_release_id = excluded.hypervisor_release_id, guest_os_id = excluded.guest_os_id,
         driver_package_id = excluded.driver_package_id, testbed_id = excluded.testbed_id,
         overhead_scale = excluded.overhead_scale, simulated_from = excluded.simulated_from,
         simulated_to = excluded.simulated_to, description = excluded.description
       RETURNING id, slug`,
      scenarios.map((s) => ({
        ...s,
        releaseId: s.release ? lookup(releaseIds, s.release, `scenario ${s.slug}: release`) : null,
        guestId: lookup(osIds, s.guest, `scenario ${s.slug}: guest`),
        driverId: s.driver ? lookup(driverIds, s.driver, `scenario ${s.slug}: driver package`) : null,
        testbedId: lookup(testbedIds, s.testbed, `scenario ${s.slug}: testbed`),
      })),
    );
    // Scenarios no longer in the data go, unless another (non-default) run measured them. The measured ones are
    // read first: on Citus a DELETE of a reference table may not be correlated with a distributed table.
    const measured = await manager.query<{ id: number }[]>(
      'SELECT DISTINCT scenario_id AS id FROM measurement_rollup_total',
    );
    await manager.query(
      'DELETE FROM scenario WHERE NOT (slug = ANY($1::text[])) AND NOT (id = ANY($2::int[]))',
      [scenarios.map((s) => s.slug), measured.map((m) => m.id)],
    );
    const ids = [...scenarioIds.values()];
    await manager.query('DELETE FROM scenario_workload WHERE scenario_id = ANY($1::int[])', [ids]);
    await manager.query('DELETE FROM scenario_hardware_feature WHERE scenario_id = ANY($1::int[])', [ids]);
    const pairs = scenarios.flatMap((s) =>
      s.workloads.map((w) => [
        scenarioIds.get(s.slug)!,
        lookup(workloadIds, w, `scenario ${s.slug}: workload`),
      ]),
    );
    await manager.query(
      'INSERT INTO scenario_workload (scenario_id, workload_id) SELECT * FROM unnest($1::int[], $2::int[])',
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    await manager.query(
      `INSERT INTO scenario_hardware_feature (scenario_id, hardware_feature_id)
       SELECT s.id, f.id FROM unnest($1::text[], $2::text[]) AS x(scenario, feature)
         JOIN scenario s ON s.slug = x.scenario JOIN hardware_feature f ON f.slug = x.feature`,
      [scenarios.flatMap((s) => s.features.map(() => s.slug)), scenarios.flatMap((s) => s.features)],
    );

    const run = await loadSimulatedRun(queryRunner, DEFAULT_RUN);
    return {
      workload: workloadIds.size,
      testbed: testbedIds.size,
      scenario: scenarioIds.size,
      scenario_workload: pairs.length,
      measurement: run.rows,
      measurement_rollup: run.rollupRows,
      measurement_sketch: run.sketchRows,
    };
  },
};

async function loadTestbeds(manager: EntityManager, spec: ScenarioData): Promise<Map<string, number>> {
  const listed = new Set(spec.testbeds.map((t) => t.slug));
  for (const t of TESTBEDS) {
    if (!listed.has(t.slug))
      throw new SeedDataError(`testbed "${t.slug}" of the model has no entry in the data`);
  }
  const ids = await upsert(
    manager,
    `INSERT INTO testbed (slug, description, clock_hz, link_bits_per_second, cpu_generation, nested_paging, sriov,
                          available_from)
     SELECT slug, description, "clockHz", "linkBitsPerSecond", vtx, "nestedPaging", sriov, "availableFrom"::date
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, description text, "clockHz" float8,
            "linkBitsPerSecond" float8, vtx text, "nestedPaging" boolean, sriov boolean, "availableFrom" text)
     ON CONFLICT (slug) DO UPDATE SET description = excluded.description, clock_hz = excluded.clock_hz,
       link_bits_per_second = excluded.link_bits_per_second, cpu_generation = excluded.cpu_generation,
       nested_paging = excluded.nested_paging, sriov = excluded.sriov, available_from = excluded.available_from
     RETURNING id, slug`,
    spec.testbeds.map((t) => ({ ...modelTestbed(t.slug) })),
  );
  const featureIds = await idsBySlug(manager, 'hardware_feature');
  const pairs = spec.testbeds.flatMap((t) =>
    t.hardwareFeatures.map((f) => [
      ids.get(t.slug)!,
      lookup(featureIds, f, `testbed ${t.slug}: hardware feature`),
    ]),
  );
  await manager.query('DELETE FROM testbed_hardware_feature WHERE testbed_id = ANY($1::int[])', [
    [...ids.values()],
  ]);
  await manager.query(
    'INSERT INTO testbed_hardware_feature (testbed_id, hardware_feature_id) SELECT * FROM unnest($1::int[], $2::int[])',
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return ids;
}

interface ExpandedScenario {
  slug: string;
  name: string;
  mode: string;
  systemKind: SystemKind;
  paging: Paging | null;
  devices: DevicePath | null;
  release: string | null;
  guest: string;
  driver: string | null;
  testbed: string;
  overheadScale: number;
  from: string;
  to: string;
  description: string;
  workloads: string[];
  features: string[];
}

/**
 * One scenario per (family, testbed): the window starts no earlier than the testbed existed (a family whose
 * window closes before that has no scenario there), hardware-assisted families need a testbed with VT-x/AMD-V,
 * and a scenario exercises the testbed's hardware features only when it runs hardware-assisted (nested-paging
 * features only when it pages nested).
 */
export function expandFamilies(spec: ScenarioData): ExpandedScenario[] {
  const features = new Map(spec.testbeds.map((t) => [t.slug, t.hardwareFeatures]));
  return spec.families.flatMap((f) => {
    const workloads = spec.workloadSets[f.workloads];
    if (!workloads)
      throw new SeedDataError(`scenario family ${f.slug}: unknown workload set "${f.workloads}"`);
    for (const w of workloads) modelWorkload(w);
    if ((f.mode === 'native') !== (f.release === undefined)) {
      throw new SeedDataError(`scenario family ${f.slug}: native families have no release, others need one`);
    }
    return f.testbeds.flatMap((slug): ExpandedScenario[] => {
      const bed = modelTestbed(slug);
      if (f.system.kind === 'hvm' && !bed.vtx) {
        throw new SeedDataError(`scenario family ${f.slug}: testbed ${slug} has no hardware virtualization`);
      }
      const from = f.from > bed.availableFrom ? f.from : bed.availableFrom;
      if (from > f.to) return [];
      const config: SystemConfig = {
        kind: f.system.kind,
        paging: f.system.paging,
        devices: f.system.devices,
      };
      const effective = effectiveConfig(config, bed);
      const used =
        effective.kind === 'hvm'
          ? (features.get(slug) ?? []).filter(
              (x) => effective.paging === 'nested' || !NESTED_PAGING_FEATURES.has(x),
            )
          : [];
      const scale = f.overheadScale ?? 1;
      return [
        {
          slug: `${f.slug}--${slug}`,
          name: `${f.name} (${slug})`,
          mode: f.mode,
          systemKind: f.system.kind,
          paging: effective.kind === 'hvm' ? (effective.paging ?? null) : null,
          devices:
            effective.kind === 'hvm' || (effective.kind === 'bt' && effective.devices)
              ? (effective.devices ?? null)
              : null,
          release: f.release ?? null,
          guest: f.guest,
          driver: f.driver ?? null,
          testbed: slug,
          overheadScale: scale,
          from,
          to: f.to,
          description:
            `Simulated from ${from} to ${f.to} on ${bed.description}; window: ${f.window}.` +
            (scale === 1
              ? ''
              : ` The VMM software's own work (not the hardware's) scaled by ${scale} (an assumption).`),
          workloads,
          features: used,
        },
      ];
    });
  });
}
