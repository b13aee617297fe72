import type { DataSource } from 'typeorm';
import { calibrationReport, PARAMETER_SPECS, type TargetRelation } from './model/calibration';
import { CROSS_VALIDATION } from './model/cross-validation';
import { FROZEN_PARAMETERS, MODEL_VERSION } from './model/frozen-parameters';
import { boundHit } from './model/parameters';
import { predictPerformance, type Prediction, type PredictionInput } from './predict';
import type { CalibrationResult, CrossValidationResult, SimulatorModel } from './simulator-model.type';

/** Relative error a 2003/2006 CPU-era target may have and still count as fitted. */
export const CALIBRATION_TOLERANCE = 0.05;
/** Relative error an I/O, emulation, consolidation or hardware-assist target may have. */
export const IO_CALIBRATION_TOLERANCE = 0.15;

interface TargetRow {
  slug: string;
  sourceId: number;
  source: string;
  benchmark: string;
  unit: string;
  higherIsBetter: boolean;
  system: string;
  value: number;
  relation: TargetRelation;
  area: string;
  secondary: boolean;
}

/** The tolerance of a target of an area: 5% for the CPU-era papers, 15% for the rest. */
export function toleranceOf(area: string): number {
  return area === 'cpu' ? CALIBRATION_TOLERANCE : IO_CALIBRATION_TOLERANCE;
}

/** The frozen model, its calibration report against the stored targets, and its cross-validation. */
export class SimulatorModelService {
  constructor(private readonly db: DataSource) {}

  /** The model's prediction for a configuration (see `predictPerformance`). */
  predict(input: PredictionInput): Promise<Prediction> {
    return predictPerformance(this.db, input);
  }

  async model(): Promise<SimulatorModel> {
    const targets = await this.db.query<TargetRow[]>(
      `SELECT t.slug, t.source_id AS "sourceId", s.slug AS source, t.benchmark, t.unit,
              t.higher_is_better AS "higherIsBetter", t.system, t.value, t.relation, t.area, t.secondary
         FROM calibration_target t JOIN source s ON s.id = t.source_id ORDER BY t.slug`,
    );
    const bySlug = new Map(targets.map((t) => [t.slug, t]));
    const calibration: CalibrationResult[] = calibrationReport(targets, FROZEN_PARAMETERS).map((row) => {
      const target = bySlug.get(row.slug)!;
      const tolerance = toleranceOf(target.area);
      const within =
        row.relativeError === null
          ? null
          : row.relation === 'eq'
            ? Math.abs(row.relativeError) <= tolerance
            : row.satisfied;
      return {
        ...row,
        sourceId: target.sourceId,
        unit: target.unit,
        higherIsBetter: target.higherIsBetter,
        area: target.area,
        secondary: target.secondary,
        tolerance,
        withinTolerance: within,
      };
    });
    const sourceIds = new Map(targets.map((t) => [t.source, t.sourceId]));
    const crossValidation: CrossValidationResult[] = Object.entries(CROSS_VALIDATION)
      .filter(([source]) => sourceIds.has(source))
      .map(([source, cv]) => ({ source, sourceId: sourceIds.get(source)!, ...cv }));

    const fitted = calibration.filter((c) => c.relativeError !== null);
    return {
      version: MODEL_VERSION,
      parameters: PARAMETER_SPECS.map((p) => {
        const value = FROZEN_PARAMETERS[p.name] ?? p.prior;
        return { ...p, value, onBound: p.fitted ? boundHit(p, value) : null };
      }),
      calibration,
      targets: calibration.length,
      targetsModelled: fitted.length,
      targetsWithinTolerance: calibration.filter((c) => c.withinTolerance === true).length,
      maxAbsoluteError: Math.max(
        0,
        ...fitted.filter((c) => c.relation === 'eq').map((c) => Math.abs(c.relativeError!)),
      ),
      crossValidation,
    };
  }
}
