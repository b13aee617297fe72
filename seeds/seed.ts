import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { parsePartialDate, type PartialDate } from '../src/shared/partial-date';
import { CITATION_TABLES, type CitingKind } from '../src/sources/source.queries';
import { PROJECT_ROOT } from '../src/config';

/** A named, ordered set of seed data with its loader. Loaders are idempotent upserts on natural keys. */
export interface Seed {
  readonly name: string;
  /** Data files under `seeds/data/`, read as JSON. */
  readonly files: readonly string[];
  /** What else the seed's output depends on (e.g. the simulator's model version); part of its digest. */
  readonly version?: string;
  load(manager: EntityManager, data: Record<string, unknown>): Promise<SeedResult>;
}

/** Rows written per table. */
export type SeedResult = Record<string, number>;

export const SEED_DATA_DIR = path.join(PROJECT_ROOT, 'seeds', 'data');

/** Reads a seed's files and a digest of their bytes, so unchanged data is not loaded twice. */
export async function readSeedData(seed: Seed): Promise<{ data: Record<string, unknown>; digest: string }> {
  const hash = createHash('sha256');
  const data: Record<string, unknown> = {};
  if (seed.version) hash.update(`version:${seed.version}`).update('\0');
  for (const file of seed.files) {
    const bytes = await fs.readFile(path.join(SEED_DATA_DIR, file));
    hash.update(file).update('\0').update(bytes);
    try {
      data[file] = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new Error(`seeds/data/${file} is not valid JSON: ${(error as Error).message}`);
    }
  }
  return { data, digest: hash.digest('hex') };
}

/** Thrown when seed data refers to something that does not exist or breaks a rule. */
export class SeedDataError extends Error {
  override name = 'SeedDataError';
}

/** A seed row with a natural key and the sources it cites. */
export interface Cited {
  slug: string;
  sources: string[];
}

/** Runs an `INSERT … SELECT FROM jsonb_to_recordset($1) … RETURNING id, slug` and maps slugs to ids. */
export async function upsert(
  manager: EntityManager,
  sql: string,
  rows: object[],
): Promise<Map<string, number>> {
  const result = await manager.query<{ id: number; slug: string }[]>(sql, [JSON.stringify(rows)]);
  return new Map(result.map((r) => [r.slug, r.id]));
}

/** The id of a slug loaded earlier; a clear error when the data names something that is not there. */
export function lookup(ids: Map<string, number>, slug: string, what: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new SeedDataError(`${what} "${slug}" is not in the seed data`);
  return id;
}

/** Ids of the slugs in a table (for references to rows another seed loaded). */
export async function idsBySlug(
  manager: EntityManager,
  table:
    | 'source'
    | 'license'
    | 'vendor'
    | 'hypervisor'
    | 'hypervisor_release'
    | 'operating_system'
    | 'hardware_feature'
    | 'driver_package'
    | 'person'
    | 'topic'
    | 'conference',
): Promise<Map<string, number>> {
  // `table` comes from the fixed union above, never from input.
  const rows = await manager.query<{ id: number; slug: string }[]>(`SELECT id, slug FROM ${table}`);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/**
 * Replaces the citations of the given owners (a row may also be cited by a key of its own, e.g. a term).
 * Every row must cite at least one known source.
 */
export async function cite(
  manager: EntityManager,
  kind: CitingKind,
  ownerIds: Map<string, number>,
  rows: Cited[],
  sourceIds: Map<string, number>,
): Promise<number> {
  const { table, owner } = CITATION_TABLES[kind];
  const pairs: [number, number][] = [];
  for (const row of rows) {
    if (!row.sources?.length) throw new SeedDataError(`${kind} ${row.slug} cites no source`);
    const ownerId = lookup(ownerIds, row.slug, kind);
    for (const s of new Set(row.sources)) pairs.push([ownerId, lookup(sourceIds, s, `${row.slug}: source`)]);
  }
  // Table and column names come from CITATION_TABLES, never from input.
  await manager.query(`DELETE FROM ${table} WHERE ${owner} = ANY($1::int[])`, [[...ownerIds.values()]]);
  await manager.query(
    `INSERT INTO ${table} (${owner}, source_id) SELECT * FROM unnest($1::int[], $2::int[])`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return pairs.length;
}

/** A partial date of seed data as the two columns it is stored in; the error names the row. */
export function partialDate(value: string | null | undefined, what: string): PartialDate | null {
  try {
    return parsePartialDate(value);
  } catch (error) {
    throw new SeedDataError(`${what}: ${(error as Error).message}`);
  }
}
