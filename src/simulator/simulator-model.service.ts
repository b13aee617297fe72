import type { DataSource } from 'typeorm';
import { calibrationReport, PARAMETER_SPECS } from './model/calibration';
import { FROZEN_PARAMETERS, MODEL_VERSION } from './model/frozen-parameters';
import type { CalibrationResult, SimulatorModel } from './simulator-model.type';

/** Relative error a calibration target may have and still count as fitted. */
export const CALIBRATION_TOLERANCE = 0.05;

interface TargetRow {
  slug: string;
  sourceId: number;
  benchmark: string;
  unit: string;
  higherIsBetter: boolean;
  system: string;
  value: number;
}

/** The frozen model and its calibration report against the stored targets (one SQL statement). */
export class SimulatorModelService {
  constructor(private readonly db: DataSource) {}

  async model(): Promise<SimulatorModel> {
    const targets = await this.db.query<TargetRow[]>(
      `SELECT slug, source_id AS "sourceId", benchmark, unit, higher_is_better AS "higherIsBetter", system, value
         FROM calibration_target ORDER BY slug`,
    );
    const bySlug = new Map(targets.map((t) => [t.slug, t]));
    const calibration: CalibrationResult[] = calibrationReport(targets, FROZEN_PARAMETERS).map((row) => {
      const target = bySlug.get(row.slug)!;
      return {
        ...row,
        sourceId: target.sourceId,
        unit: target.unit,
        higherIsBetter: target.higherIsBetter,
        withinTolerance: Math.abs(row.relativeError) <= CALIBRATION_TOLERANCE,
      };
    });
    return {
      version: MODEL_VERSION,
      parameters: PARAMETER_SPECS.map((p) => ({ ...p, value: FROZEN_PARAMETERS[p.name] ?? p.prior })),
      calibration,
      targets: calibration.length,
      targetsWithinTolerance: calibration.filter((c) => c.withinTolerance).length,
      maxAbsoluteError: Math.max(0, ...calibration.map((c) => Math.abs(c.relativeError))),
    };
  }
}
