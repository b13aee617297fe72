import type { Testbed } from '../model/model';
import type { SystemConfig } from '../model/systems';
import type { Workload } from '../model/workloads';

/** A stored scenario as the generator needs it: ids for the rows, model inputs for the values. */
export interface ScenarioSpec {
  readonly id: number;
  readonly slug: string;
  readonly config: SystemConfig;
  readonly testbed: Testbed;
  /** Multiplies the modelled overhead over native (1 = the calibrated model). */
  readonly overheadScale: number;
  /** Simulated date window, inclusive, as ISO dates. */
  readonly from: string;
  readonly to: string;
  readonly workloads: readonly { readonly id: number; readonly workload: Workload }[];
}

/** One (scenario, workload) pair of a run and how many measurements it gets. */
export interface Cell {
  readonly scenario: ScenarioSpec;
  readonly workloadId: number;
  readonly workload: Workload;
  readonly rows: number;
  /** Epoch days (days since 1970-01-01) of the scenario's window, inclusive. */
  readonly fromDay: number;
  readonly toDay: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (UTC). */
export function epochDay(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date: ${isoDate}`);
  return Math.round(ms / DAY_MS);
}

/** The ISO date of an epoch day. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Splits `rows` measurements over every (scenario, workload) pair, in the order given (scenarios by id, their
 * workloads by id): each pair gets ⌊rows / pairs⌋, the first `rows mod pairs` one more. Pure: the same scenarios
 * and row count give the same plan.
 */
export function planRun(scenarios: readonly ScenarioSpec[], rows: number): Cell[] {
  if (!Number.isSafeInteger(rows) || rows < 1)
    throw new RangeError(`rows must be a positive integer, got ${rows}`);
  const pairs = scenarios.flatMap((scenario) =>
    scenario.workloads.map((w) => ({ scenario, workloadId: w.id, workload: w.workload })),
  );
  if (pairs.length === 0) throw new RangeError('No scenario has a workload: nothing to simulate');
  const base = Math.floor(rows / pairs.length);
  const extra = rows % pairs.length;
  return pairs
    .map((p, i) => ({
      ...p,
      rows: base + (i < extra ? 1 : 0),
      fromDay: epochDay(p.scenario.from),
      toDay: epochDay(p.scenario.to),
    }))
    .filter((c) => c.rows > 0);
}

/**
 * The simulated date of a cell's i-th repetition: repetitions are spread evenly over the window, in order, so
 * a cell's rows run from its first day to its last.
 */
export function repetitionDay(cell: Cell, repetition: number): number {
  const span = cell.toDay - cell.fromDay + 1;
  return cell.fromDay + Math.floor((repetition * span) / cell.rows);
}
