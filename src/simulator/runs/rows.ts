import { sketchBin } from '../../performance/statistics';
import { simulate } from '../model/model';
import { applyNoise, repetitionTimeFactors } from '../model/noise';
import type { ModelParameters } from '../model/parameters';
import { isoDate, repetitionDay, type Cell } from './plan';

/** What makes a run reproducible: the same seed, model version, parameters and plan give the same rows. */
export interface RunIdentity {
  readonly runId: number;
  readonly seed: number;
  readonly modelVersion: string;
  readonly parameters: ModelParameters;
}

/**
 * A cell's noise-free value: the model's steady state, with the scenario's `overheadScale` as the software
 * maturity of its release (it scales the VMM's own work per mechanism, not hardware latencies or native costs).
 */
export function cellBaseValue(cell: Cell, parameters: ModelParameters): number {
  const { workload, scenario } = cell;
  const config =
    scenario.overheadScale === 1
      ? scenario.config
      : { ...scenario.config, softwareScale: scenario.overheadScale };
  return simulate(workload, config, scenario.testbed, parameters).value;
}

/**
 * Rollups of the rows generated so far, as COPY text: one `measurement_rollup` line per (scenario, workload,
 * month) and one `measurement_sketch` line per bin of it. The generator writes each cell's rows in date order,
 * so a month's group is complete when the month changes.
 */
export class RollupAccumulator {
  readonly rollupLines: string[] = [];
  readonly sketchLines: string[] = [];
  private prefix = '';
  private count = 0;
  private sum = 0;
  private sumSq = 0;
  private min = Infinity;
  private max = -Infinity;
  private readonly bins = new Map<number, number>();

  constructor(private readonly runId: number) {}

  /** Starts a group (closing the previous one). */
  open(scenarioId: number, workloadId: number, month: string): void {
    this.close();
    this.prefix = `${this.runId}\t${scenarioId}\t${workloadId}\t${month}`;
  }

  add(value: number): void {
    this.count++;
    this.sum += value;
    this.sumSq += value * value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    const bin = sketchBin(value);
    this.bins.set(bin, (this.bins.get(bin) ?? 0) + 1);
  }

  /** Closes the open group, if it has rows. */
  close(): void {
    if (this.count > 0) {
      this.rollupLines.push(
        `${this.prefix}\t${this.count}\t${this.sum}\t${this.sumSq}\t${this.min}\t${this.max}\n`,
      );
      for (const [bin, n] of [...this.bins].sort((a, b) => a[0] - b[0])) {
        this.sketchLines.push(`${this.prefix}\t${bin}\t${n}\n`);
      }
    }
    this.count = 0;
    this.sum = 0;
    this.sumSq = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.bins.clear();
  }
}

/**
 * A measurement as stored: to 4 decimal places, as a benchmark harness prints it (every modelled value is well
 * above 1 in its unit, so that keeps 5 or more significant digits). The generator writes exactly this value.
 */
export function recordedValue(v: number): number {
  return tenThousandths(v) / 1e4;
}

/** A value in ten-thousandths of its unit, rounded: what the generator writes. */
export function tenThousandths(v: number): number {
  return Math.round(v * 1e4);
}

/** Each epoch day's COPY bytes ("YYYY-MM-DD\t") and month ("YYYY-MM-01"), computed once per process. */
const DAYS: { bytes: Buffer; month: string }[] = [];

function dayOf(day: number): { bytes: Buffer; month: string } {
  let d = DAYS[day];
  if (!d) {
    const date = isoDate(day);
    d = DAYS[day] = { bytes: Buffer.from(`${date}\t`, 'latin1'), month: `${date.slice(0, 7)}-01` };
  }
  return d;
}

/** The columns of a measurement COPY line, in order. */
export const MEASUREMENT_COLUMNS = [
  'scenario_id',
  'workload_id',
  'run_id',
  'measured_on',
  'repetition',
  'value',
];
export const ROLLUP_COLUMNS = [
  'run_id',
  'scenario_id',
  'workload_id',
  'month',
  'count',
  'sum',
  'sum_sq',
  'min',
  'max',
];
export const SKETCH_COLUMNS = ['run_id', 'scenario_id', 'workload_id', 'month', 'bin', 'count'];

const TAB = 9;
const NEWLINE = 10;
/** Longest line: three ids and a repetition (≤ 16 digits each), a date, a double (≤ 24 chars), separators. */
const MAX_LINE_BYTES = 4 * 16 + 10 + 24 + 6;

/**
 * COPY text written straight into a buffer: a run is tens of millions of lines, and building each as a
 * JavaScript string costs more in garbage collection than PostgreSQL spends parsing it.
 */
class LineBuffer {
  private buf: Buffer;
  private pos = 0;

  constructor(private readonly capacity: number) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  get full(): boolean {
    return this.capacity - this.pos < MAX_LINE_BYTES;
  }

  bytes(b: Buffer): void {
    this.pos += b.copy(this.buf, this.pos);
  }

  /** A non-negative integer in decimal, then a tab. */
  int(n: number): void {
    this.digits(n);
    this.buf[this.pos++] = TAB;
  }

  private digits(n: number): void {
    let end = this.pos;
    let x = n;
    do {
      end++;
      x = Math.floor(x / 10);
    } while (x > 0);
    for (let i = end - 1, y = n; i >= this.pos; i--, y = Math.floor(y / 10)) this.buf[i] = 48 + (y % 10);
    this.pos = end;
  }

  /**
   * A measurement given in ten-thousandths (`round(value × 10⁴)`, ≥ 0) as a decimal with four places, then a
   * newline. PostgreSQL parses "123.4500" to the double nearest 1234500/10⁴, the same double JavaScript's
   * division gives, so the stored value equals the generated one exactly.
   */
  fixed4(tenThousandths: number): void {
    this.digits(Math.floor(tenThousandths / 1e4));
    const frac = tenThousandths % 1e4;
    const b = this.buf;
    let p = this.pos;
    b[p] = 46; // '.'
    b[p + 1] = 48 + Math.floor(frac / 1000);
    b[p + 2] = 48 + (Math.floor(frac / 100) % 10);
    b[p + 3] = 48 + (Math.floor(frac / 10) % 10);
    b[p + 4] = 48 + (frac % 10);
    b[p + 5] = NEWLINE;
    p += 6;
    this.pos = p;
  }

  /** The bytes written, handing the buffer over (a fresh one takes its place). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.capacity);
    this.pos = 0;
    return out;
  }
}

/**
 * The measurements of a run as PostgreSQL COPY text, in chunks of at most `chunkBytes`, feeding `rollups` as it
 * goes. Row r of a cell is repetition r, dated by {@link repetitionDay}, valued as the cell's base value with the
 * workload's noise for (seed, model version, scenario, workload, r). Values print in JavaScript's shortest
 * round-trip form, so the database holds exactly the doubles generated.
 */
export function* measurementChunks(
  cells: readonly Cell[],
  run: RunIdentity,
  rollups: RollupAccumulator,
  chunkBytes = 256 * 1024,
): Generator<{ bytes: Buffer; rows: number }> {
  const out = new LineBuffer(chunkBytes);
  let rows = 0;
  for (const cell of cells) {
    const base = cellBaseValue(cell, run.parameters);
    const { workload, scenario } = cell;
    const timeFactor = repetitionTimeFactors(workload.noise, {
      seed: run.seed,
      modelVersion: run.modelVersion,
      scenario: scenario.slug,
      workload: workload.slug,
    });
    const head = Buffer.from(`${scenario.id}\t${cell.workloadId}\t${run.runId}\t`, 'latin1');
    let lastDay = -1;
    let date = dayOf(cell.fromDay);
    let month = '';
    for (let r = 0; r < cell.rows; r++) {
      const day = repetitionDay(cell, r);
      if (day !== lastDay) {
        lastDay = day;
        date = dayOf(day);
        if (date.month !== month) {
          month = date.month;
          rollups.open(scenario.id, cell.workloadId, month);
        }
      }
      const k = tenThousandths(applyNoise(base, workload.higherIsBetter, timeFactor(r)));
      rollups.add(k / 1e4);
      out.bytes(head);
      out.bytes(date.bytes);
      out.int(r);
      out.fixed4(k);
      rows++;
      if (out.full) {
        yield { bytes: out.take(), rows };
        rows = 0;
      }
    }
  }
  rollups.close();
  if (rows) yield { bytes: out.take(), rows };
}
