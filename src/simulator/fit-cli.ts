/**
 * Offline calibration of the simulator (not run at start-up): fits the model's parameters to every target of
 * seeds/data/calibration_targets.json and io_calibration_targets.json, then runs leave-one-source-out
 * cross-validation, and prints the frozen parameters and the cross-validation table as TypeScript.
 *
 *   npm run build:server && node dist/src/simulator/fit-cli.js [--sweeps N] [--cv-sweeps N] [--no-cv] > /tmp/fit.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  calibrationLoss,
  calibrationReport,
  fitParameters,
  PARAMETER_SPECS,
  type CalibrationTarget,
} from './model/calibration';
import { FROZEN_PARAMETERS } from './model/frozen-parameters';
import { priorParameters } from './model/parameters';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const data = (f: string): CalibrationTarget[] =>
  JSON.parse(readFileSync(join(process.cwd(), 'seeds/data', f), 'utf8')) as CalibrationTarget[];
const targets = [...data('calibration_targets.json'), ...data('io_calibration_targets.json')];

const start = { ...priorParameters(PARAMETER_SPECS), ...FROZEN_PARAMETERS };
for (const k of Object.keys(start)) if (!PARAMETER_SPECS.some((s) => s.name === k)) delete start[k];
const t0 = Date.now();
const fitted = fitParameters(targets, start, { maxSweeps: arg('--sweeps', 400) });
const round = (v: number): number => Number(v.toPrecision(6));
const frozen = Object.fromEntries(PARAMETER_SPECS.map((s) => [s.name, round(fitted[s.name])]));
process.stderr.write(`fit: ${Date.now() - t0} ms, loss ${calibrationLoss(targets, frozen)}\n`);
for (const r of calibrationReport(targets, frozen)) {
  process.stderr.write(
    `${r.slug.padEnd(58)} ${r.relation.padEnd(3)} ${String(r.published).padStart(10)} ${r.simulated === null ? '—' : r.simulated.toPrecision(4)} ${r.relativeError === null ? '' : (100 * r.relativeError).toFixed(1) + '%'}\n`,
  );
}
writeFileSync('/tmp/virtlens-frozen.json', JSON.stringify(frozen, null, 1));

if (!process.argv.includes('--no-cv')) {
  // Which targets each fitted parameter moves (a 1% nudge): the coupling the cross-validation has to undo.
  const base = calibrationReport(targets, frozen);
  const moves = new Map<string, Set<string>>();
  for (const spec of PARAMETER_SPECS.filter((s) => s.fitted)) {
    const nudged = calibrationReport(targets, { ...frozen, [spec.name]: frozen[spec.name] * 1.01 });
    const touched = new Set<string>();
    nudged.forEach((r, i) => {
      const b = base[i].simulated;
      if (r.simulated !== null && b !== null && Math.abs(r.simulated / b - 1) > 1e-9) touched.add(r.slug);
    });
    moves.set(spec.name, touched);
  }
  const sources = [...new Set(targets.map((t) => t.source!))].sort();
  const areaOf = (t: CalibrationTarget): string => (t as { area?: string }).area ?? 'cpu';
  const cv: Record<
    string,
    { area: string; targets: number; meanAbsoluteError: number; maxAbsoluteError: number }
  > = {};
  for (const source of sources) {
    const held = targets.filter((t) => t.source === source && (t.relation ?? 'eq') !== 'unmodelled');
    if (held.length === 0) continue;
    // Every parameter the held-out targets move restarts from its prior and is refitted without them; the
    // others keep the full fit's value (the held-out targets do not pull on them).
    const slugs = new Set(held.map((t) => t.slug));
    const only = new Set([...moves].filter(([, ts]) => [...ts].some((x) => slugs.has(x))).map(([n]) => n));
    const startCv: Record<string, number> = { ...frozen };
    for (const s of PARAMETER_SPECS) if (only.has(s.name)) startCv[s.name] = s.prior;
    const rest = targets.filter((t) => t.source !== source);
    const p = fitParameters(rest, startCv, { maxSweeps: arg('--cv-sweeps', 80), only });
    const errors = calibrationReport(targets, p)
      .filter((r) => slugs.has(r.slug))
      .map((r) => (r.relation !== 'eq' && r.satisfied ? 0 : Math.abs(r.relativeError ?? 0)));
    cv[source] = {
      area: areaOf(held[0]),
      targets: held.length,
      meanAbsoluteError: round(errors.reduce((a, b) => a + b, 0) / errors.length),
      maxAbsoluteError: round(Math.max(...errors)),
    };
    process.stderr.write(`cv ${source} (${only.size} parameters refitted): ${JSON.stringify(cv[source])}\n`);
  }
  writeFileSync('/tmp/virtlens-cv.json', JSON.stringify(cv, null, 1));
}
