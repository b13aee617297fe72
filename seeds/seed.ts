import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { PROJECT_ROOT } from '../src/config';

/** A named, ordered set of seed data with its loader. Loaders are idempotent upserts on natural keys. */
export interface Seed {
  readonly name: string;
  /** Data files under `seeds/data/`, read as JSON. */
  readonly files: readonly string[];
  load(manager: EntityManager, data: Record<string, unknown>): Promise<SeedResult>;
}

/** Rows written per table. */
export type SeedResult = Record<string, number>;

export const SEED_DATA_DIR = path.join(PROJECT_ROOT, 'seeds', 'data');

/** Reads a seed's files and a digest of their bytes, so unchanged data is not loaded twice. */
export async function readSeedData(seed: Seed): Promise<{ data: Record<string, unknown>; digest: string }> {
  const hash = createHash('sha256');
  const data: Record<string, unknown> = {};
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
