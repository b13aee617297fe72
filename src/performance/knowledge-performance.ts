import { MODEL_VERSION } from '../simulator/model/frozen-parameters';
import type { ExecutionMode } from '../benchmarks/benchmark.type';
import {
  fractionOfNative,
  fractionRatio,
  overheadReduction,
  pool,
  speedup,
  summaryOf,
  type Pooled,
} from './comparison';
import type {
  DriverSpeedup,
  HardwareFeatureEffect,
  HypervisorPerformance,
  MeasuredSide,
} from './comparison.type';
import type { NativeOverhead } from './performance.type';
import type { ScenarioStatsRow } from './scenario-stats.queries';

/**
 * The analytics fields of knowledge types (Hypervisor.performance, DriverPackage.speedup, HardwareFeature.effect),
 * computed from the per-scenario statistics of one workload (see `scenarioStats`): pure functions, so the SQL stays
 * one statement per workload and date however many parents ask.
 */

/** Where the figures come from: simulated ones with the model version, and whether ingested ones are pooled in. */
export function dataNoteOf(rows: readonly ScenarioStatsRow[]): string {
  const versions = [...new Set(rows.flatMap((r) => r.modelVersions))].sort();
  const ingested = rows.some((r) => r.ingested);
  if (!rows.some((r) => r.simulated)) return 'Ingested (real) measurements.';
  return (
    `Simulated measurements from the virtlens performance model (version ${versions.join(', ') || MODEL_VERSION}), ` +
    'calibrated against published 2003–2006 benchmarks (see simulatorModel)' +
    (ingested ? ', pooled with ingested (real) measurements.' : '.')
  );
}

/**
 * Pools scenarios into one side: their measurements, and native on each testbed and OS family they cover (all
 * measurements of one workload, so one unit).
 */
export function measuredSide(rows: readonly ScenarioStatsRow[]): MeasuredSide {
  const p = pool(rows.map((r) => ({ count: r.n, sum: r.sum, sumSq: r.sumSq })));
  const natives = new Map<string, Pooled | null>();
  for (const r of rows) {
    natives.set(
      `${r.testbedId}|${r.family}`,
      r.nativeN !== null ? { count: r.nativeN, sum: r.nativeSum!, sumSq: r.nativeSumSq! } : null,
    );
  }
  const known = [...natives.values()];
  const native = known.length && known.every((n) => n !== null) ? pool(known) : null;
  const s = summaryOf(p);
  return {
    scenarioIds: [...new Set(rows.map((r) => r.scenarioId))],
    count: p.count,
    mean: s.mean,
    stddev: p.count > 1 ? s.stddev : null,
    fractionOfNative: native && rows.length ? fractionOfNative(p, native, rows[0].higherIsBetter) : null,
  };
}

function groupBy<K>(
  rows: readonly ScenarioStatsRow[],
  key: (r: ScenarioStatsRow) => K,
): Map<K, ScenarioStatsRow[]> {
  const groups = new Map<K, ScenarioStatsRow[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/** A hypervisor's results per mode and testbed (and OS family), optionally in one mode. */
export function hypervisorPerformance(
  rows: readonly ScenarioStatsRow[],
  hypervisorId: number,
  mode: ExecutionMode | null,
): HypervisorPerformance[] {
  const mine = rows.filter((r) => r.hypervisorId === hypervisorId && (mode === null || r.mode === mode));
  return [...groupBy(mine, (r) => `${r.mode}|${r.testbedId}|${r.family}`).values()].map((g) => ({
    workloadId: g[0].workloadId,
    testbedId: g[0].testbedId,
    mode: g[0].mode,
    result: measuredSide(g),
    nativeCount: g[0].nativeN ?? 0,
    dataNote: dataNoteOf(g),
  }));
}

/**
 * A driver package per testbed and OS family: its scenarios against scenarios with emulated devices of hypervisors
 * from the same vendor (e.g. Novell's pack on Xen against Xen's emulated devices).
 */
export function driverSpeedup(rows: readonly ScenarioStatsRow[], packageId: number): DriverSpeedup[] {
  const mine = rows.filter((r) => r.driverPackageId === packageId);
  const result: DriverSpeedup[] = [];
  for (const g of groupBy(mine, (r) => `${r.testbedId}|${r.family}`).values()) {
    const vendors = new Set(g.map((r) => r.hypervisorVendorId));
    const emulated = rows.filter(
      (r) =>
        r.devices === 'emulated' &&
        r.driverPackageId === null &&
        vendors.has(r.hypervisorVendorId) &&
        r.testbedId === g[0].testbedId &&
        r.family === g[0].family,
    );
    if (!emulated.length) continue;
    const estimate = speedup(
      pool(g.map((r) => ({ count: r.n, sum: r.sum, sumSq: r.sumSq }))),
      pool(emulated.map((r) => ({ count: r.n, sum: r.sum, sumSq: r.sumSq }))),
      g[0].higherIsBetter,
    );
    if (!estimate) continue;
    result.push({
      workloadId: g[0].workloadId,
      testbedId: g[0].testbedId,
      driver: measuredSide(g),
      emulated: measuredSide(emulated),
      speedup: estimate,
      dataNote: dataNoteOf([...g, ...emulated]),
    });
  }
  return result;
}

/**
 * A hardware feature per hypervisor, mode and OS family: the scenarios exercising it against those of the same
 * hypervisor and mode that do not, each pooled over its testbeds against native on the same testbeds.
 */
export function featureEffect(rows: readonly ScenarioStatsRow[], featureId: number): HardwareFeatureEffect[] {
  const result: HardwareFeatureEffect[] = [];
  const byConfig = groupBy(
    rows.filter((r) => r.hypervisorId !== null),
    (r) => `${r.hypervisorId}|${r.mode}|${r.family}`,
  );
  for (const g of byConfig.values()) {
    const withRows = g.filter((r) => r.featureIds.includes(featureId));
    const withoutRows = g.filter((r) => !r.featureIds.includes(featureId));
    if (!withRows.length || !withoutRows.length) continue;
    const w = measuredSide(withRows);
    const wo = measuredSide(withoutRows);
    result.push({
      workloadId: g[0].workloadId,
      hypervisorId: g[0].hypervisorId!,
      mode: g[0].mode,
      with: w,
      without: wo,
      fractionRatio:
        w.fractionOfNative && wo.fractionOfNative
          ? fractionRatio(w.fractionOfNative, wo.fractionOfNative)
          : null,
      overheadReduction:
        w.fractionOfNative && wo.fractionOfNative
          ? overheadReduction(w.fractionOfNative, wo.fractionOfNative)
          : null,
      dataNote: dataNoteOf(g),
    });
  }
  return result;
}

/** A release's scenarios against native, one row per scenario (the shape of `overheadVsNative`). */
export function releaseOverhead(rows: readonly ScenarioStatsRow[], releaseId: number): NativeOverhead[] {
  return rows
    .filter((r) => r.releaseId === releaseId)
    .map((r) => {
      const side = measuredSide([r]);
      const f = side.fractionOfNative;
      return {
        scenarioId: r.scenarioId,
        workloadId: r.workloadId,
        count: side.count,
        mean: side.mean,
        nativeMean: r.nativeN ? r.nativeSum! / r.nativeN : null,
        nativeCount: r.nativeN,
        fractionOfNative: f?.value ?? null,
        fractionLower: f?.lower ?? null,
        fractionUpper: f?.upper ?? null,
        overhead: f ? 1 - f.value : null,
      } as NativeOverhead;
    });
}
