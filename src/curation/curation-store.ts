import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { NotFoundError, BadUserInputError } from '../errors';
import { refreshSearchDocuments } from '../search/search.queries';

/** Join tables that cite sources (or hardware features), by owner: a fixed allow-list of identifiers. */
export const LINKS = {
  vendorSources: { table: 'vendor_source', owner: 'vendor_id', target: 'source_id' },
  hypervisorSources: { table: 'hypervisor_source', owner: 'hypervisor_id', target: 'source_id' },
  releaseSources: {
    table: 'hypervisor_release_source',
    owner: 'hypervisor_release_id',
    target: 'source_id',
  },
  statementSources: {
    table: 'support_statement_source',
    owner: 'support_statement_id',
    target: 'source_id',
  },
  statementFeatures: {
    table: 'support_statement_feature',
    owner: 'support_statement_id',
    target: 'hardware_feature_id',
  },
} as const;
export type Link = (typeof LINKS)[keyof typeof LINKS];

/** The id of the row with this slug; NOT_FOUND naming the argument otherwise. */
export async function idBySlug(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral & { id: number; slug: string }>,
  slug: string,
  argumentName: string,
  what: string,
): Promise<number> {
  const row = await manager.getRepository(entity).findOne({ where: { slug }, select: { id: true } });
  if (!row) throw new NotFoundError(`No ${what} has the slug "${slug}".`, argumentName);
  return row.id;
}

/** Ids of rows by slug, in the order given; NOT_FOUND naming the first missing one. */
export async function idsBySlugs(
  manager: EntityManager,
  table: 'source' | 'hardware_feature',
  slugs: readonly string[],
  argumentName: string,
): Promise<number[]> {
  const unique = [...new Set(slugs)];
  const rows = await manager.query<{ id: number; slug: string }[]>(
    `SELECT id, slug FROM ${table} WHERE slug = ANY($1::text[])`,
    [unique],
  );
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const missing = unique.find((s) => !bySlug.has(s));
  if (missing !== undefined) {
    const what = table === 'source' ? 'source' : 'hardware feature';
    throw new NotFoundError(`No ${what} has the slug "${missing}".`, argumentName);
  }
  return unique.map((s) => bySlug.get(s) as number);
}

/** Replaces the owner's links with these targets. */
export async function replaceLinks(
  manager: EntityManager,
  link: Link,
  ownerId: number,
  targetIds: readonly number[],
): Promise<void> {
  await manager.query(`DELETE FROM ${link.table} WHERE ${link.owner} = $1`, [ownerId]);
  if (targetIds.length) {
    await manager.query(
      `INSERT INTO ${link.table} (${link.owner}, ${link.target}) SELECT $1, unnest($2::int[])`,
      [ownerId, [...targetIds]],
    );
  }
}

/** Slugs the owner links to, sorted (for audit snapshots). */
export async function linkedSlugs(manager: EntityManager, link: Link, ownerId: number): Promise<string[]> {
  const targetTable = link.target === 'source_id' ? 'source' : 'hardware_feature';
  const rows = await manager.query<{ slug: string }[]>(
    `SELECT t.slug FROM ${link.table} l JOIN ${targetTable} t ON t.id = l.${link.target}
      WHERE l.${link.owner} = $1 ORDER BY t.slug`,
    [ownerId],
  );
  return rows.map((r) => r.slug);
}

/** The row with this slug, locked for the rest of the transaction; NOT_FOUND naming `slug` otherwise. */
export async function lockBySlug<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  slug: string,
  what: string,
): Promise<T> {
  const row = await manager
    .getRepository(entity)
    .findOne({ where: { slug } as never, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFoundError(`No ${what} has the slug "${slug}".`, 'slug');
  return row;
}

/** BAD_USER_INPUT naming `input.slug` when the slug is taken (the unique index still guards races). */
export async function assertSlugFree(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  slug: string,
  what: string,
): Promise<void> {
  if (await manager.getRepository(entity).exists({ where: { slug } })) {
    throw new BadUserInputError(`A ${what} with the slug "${slug}" already exists.`, 'input.slug');
  }
}

/** Search reads a materialized view: refresh it in the write's transaction, so both appear together. */
export function refreshSearch(manager: EntityManager): Promise<void> {
  return refreshSearchDocuments(manager);
}
