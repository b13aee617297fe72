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
  relation?: string;
  area?: string;
}

interface SourceRow {
  slug: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedOn: string | null;
  kind: string;
  secondary: boolean;
  note: string | null;
}

/**
 * The published figures the simulator's model is calibrated against, each with its source: the 2003/2006 CPU
 * and network figures (`calibration_targets.json`, sources in the knowledge seed) and the 2005–2010 I/O,
 * emulation and consolidation figures (`io_calibration_targets.json`, their sources in
 * `calibration_sources.json`, loaded here).
 */
export const simulatorSeed: Seed = {
  name: 'simulator',
  files: ['calibration_targets.json', 'io_calibration_targets.json', 'calibration_sources.json'],
  async load(manager, data): Promise<SeedResult> {
    const targets = [
      ...(data['calibration_targets.json'] as CalibrationTargetRow[]),
      ...(data['io_calibration_targets.json'] as CalibrationTargetRow[]),
    ];
    const sources = data['calibration_sources.json'] as SourceRow[];
    await manager.query(
      `INSERT INTO source (slug, title, publisher, url, published_on, kind, secondary, note)
       SELECT slug, title, publisher, url, "publishedOn", kind::source_kind, coalesce(secondary, false), note
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, title text, publisher text, url text, "publishedOn" date,
            kind text, secondary boolean, note text)
       ON CONFLICT (slug) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, url = excluded.url,
         published_on = excluded.published_on, kind = excluded.kind, secondary = excluded.secondary, note = excluded.note`,
      [JSON.stringify(sources)],
    );
    const sourceIds = await idsBySlug(manager, 'source');
    const ids = await upsert(
      manager,
      `INSERT INTO calibration_target (slug, source_id, benchmark, unit, higher_is_better, system, value, secondary, note,
                                       relation, area)
       SELECT slug, "sourceId", benchmark, unit, "higherIsBetter", system, value, coalesce(secondary, false), note,
              coalesce(relation, 'eq'), coalesce(area, 'cpu')
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, "sourceId" int, benchmark text, unit text,
            "higherIsBetter" boolean, system text, value float8, secondary boolean, note text, relation text,
            area text)
       ON CONFLICT (slug) DO UPDATE SET source_id = excluded.source_id, benchmark = excluded.benchmark,
         unit = excluded.unit, higher_is_better = excluded.higher_is_better, system = excluded.system,
         value = excluded.value, secondary = excluded.secondary, note = excluded.note,
         relation = excluded.relation, area = excluded.area
       RETURNING id, slug`,
      targets.map((t) => ({
        ...t,
        sourceId: lookup(sourceIds, t.source, `calibration target ${t.slug}: source`),
      })),
    );
    return { source: sources.length, calibration_target: ids.size };
  },
};
