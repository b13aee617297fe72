import { idsBySlug, lookup, upsert, type Seed, type SeedResult } from './seed';

interface CalibrationTargetRow {
  slug: string;
  source: string;
  benchmark: string;
  unit: string;
  higherIsBetter: boolean;
  system: string;
  value: number;
  secondary: boolean;
  note?: string | null;
}

/** The published figures the simulator's model is calibrated against, each with its paper (a source). */
export const simulatorSeed: Seed = {
  name: 'simulator',
  files: ['calibration_targets.json'],
  async load(manager, data): Promise<SeedResult> {
    const targets = data['calibration_targets.json'] as CalibrationTargetRow[];
    const sourceIds = await idsBySlug(manager, 'source');
    const ids = await upsert(
      manager,
      `INSERT INTO calibration_target (slug, source_id, benchmark, unit, higher_is_better, system, value, secondary, note)
       SELECT slug, "sourceId", benchmark, unit, "higherIsBetter", system, value, coalesce(secondary, false), note
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, "sourceId" int, benchmark text, unit text,
            "higherIsBetter" boolean, system text, value float8, secondary boolean, note text)
       ON CONFLICT (slug) DO UPDATE SET source_id = excluded.source_id, benchmark = excluded.benchmark,
         unit = excluded.unit, higher_is_better = excluded.higher_is_better, system = excluded.system,
         value = excluded.value, secondary = excluded.secondary, note = excluded.note
       RETURNING id, slug`,
      targets.map((t) => ({
        ...t,
        sourceId: lookup(sourceIds, t.source, `calibration target ${t.slug}: source`),
      })),
    );
    return { calibration_target: ids.size };
  },
};
