import { CITUS_PLACEMENT, type CatalogueForeignKey, type CitusPlacement } from './citus';

/** What the Citus checks need of a migrated schema (the public schema), read from `pg_catalog`. */
export interface CitusCatalogue {
  /** Tables, partitioned tables and materialized views; partitions name their parent. */
  readonly relations: readonly {
    name: string;
    kind: 'table' | 'partitioned' | 'matview';
    parent: string | null;
  }[];
  readonly columns: readonly {
    table: string;
    column: string;
    type: string;
    notNull: boolean;
    /** `a`/`d` for GENERATED ALWAYS/BY DEFAULT AS IDENTITY, '' otherwise. */
    identity: string;
  }[];
  /** Unique indexes (primary keys, unique constraints, unique indexes) and exclusion constraints. */
  readonly uniques: readonly {
    table: string;
    name: string;
    /** Key columns; null where the index has an expression. */
    columns: readonly (string | null)[];
    /** Operators of an exclusion constraint, per column; empty for a unique index. */
    exclusionOperators: readonly string[];
  }[];
  readonly foreignKeys: readonly CatalogueForeignKey[];
  /** Triggers users created (not the internal ones behind foreign keys). */
  readonly triggers: readonly { table: string; name: string }[];
}

interface Queryable {
  query<T>(sql: string, parameters?: unknown[]): Promise<T>;
}

const RELATIONS = `
  SELECT c.relname AS name,
         CASE c.relkind WHEN 'p' THEN 'partitioned' WHEN 'm' THEN 'matview' ELSE 'table' END AS kind,
         (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid) AS parent
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'm')
   ORDER BY c.relname`;

const COLUMNS = `
  SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
         a.attnotnull AS "notNull", a.attidentity::text AS identity
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped
   ORDER BY c.relname, a.attnum`;

// Every unique index (a primary key or unique constraint has one) and every exclusion constraint, with its key
// columns in order (an expression column has attnum 0: no name).
const UNIQUES = `
  SELECT t.relname AS table, ic.relname AS name,
         array(SELECT a.attname::text FROM unnest(x.indkey[0:x.indnkeyatts - 1]) WITH ORDINALITY AS k(attnum, pos)
                 LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                ORDER BY k.pos) AS columns,
         coalesce((SELECT array_agg(o.oprname::text ORDER BY e.pos)
                     FROM pg_constraint con, unnest(con.conexclop) WITH ORDINALITY AS e(op, pos)
                     JOIN pg_operator o ON o.oid = e.op
                    WHERE con.conindid = x.indexrelid AND con.contype = 'x'), '{}'::text[]) AS "exclusionOperators"
    FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class ic ON ic.oid = x.indexrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
   WHERE n.nspname = 'public' AND (x.indisunique OR x.indisexclusion)
   ORDER BY t.relname, ic.relname`;

// Foreign keys declared on partitioned tables repeat on each partition (conparentid <> 0): the parent's is enough.
const FOREIGN_KEYS = `
  SELECT t.relname AS table, con.conname AS name, r.relname AS "referencedTable",
         array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, pos)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.pos) AS columns,
         array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, pos)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.pos)
           AS "referencedColumns",
         pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
   WHERE n.nspname = 'public' AND con.contype = 'f' AND con.conparentid = 0
   ORDER BY t.relname, con.conname`;

const TRIGGERS = `
  SELECT c.relname AS table, tg.tgname AS name
    FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND NOT tg.tgisinternal
   ORDER BY c.relname, tg.tgname`;

/** Reads what {@link citusProblems} checks from a migrated database. */
export async function readCitusCatalogue(db: Queryable): Promise<CitusCatalogue> {
  return {
    relations: await db.query(RELATIONS),
    columns: await db.query(COLUMNS),
    uniques: await db.query(UNIQUES),
    foreignKeys: await db.query(FOREIGN_KEYS),
    triggers: await db.query(TRIGGERS),
  };
}

/**
 * What `create_reference_table`/`create_distributed_table` would refuse in this schema with the placements of
 * {@link CITUS_PLACEMENT}, or what would break on the cluster, one sentence each; [] when the script can run.
 * Rules from the Citus documentation (DDL reference, FAQ) and its issue tracker:
 * - every table has a placement, and every placement a table (partitions follow their parent);
 * - a partitioned table can only be hash-distributed, and a materialized view only stays on the coordinator;
 * - a distributed table's distribution column exists and is NOT NULL (a row without one cannot be routed), has
 *   the same type across its co-location group, and is not an identity column;
 * - a primary key, unique constraint or unique index of a distributed table includes the distribution column as
 *   a plain column, and an exclusion constraint includes it compared with `=`;
 * - identity columns of distributed tables are `bigint` (the only type Citus gives global ranges to);
 * - foreign keys: reference → reference and distributed → reference are fine; distributed → distributed only
 *   between co-located tables with the distribution column at the same position on both sides; reference →
 *   distributed never; none between a local (coordinator) table and a Citus table;
 * - no user triggers on Citus tables (on distributed ones they need `citus.enable_unsafe_triggers` and run on
 *   each shard, apart from the coordinator's transaction; none of the schema's needs one).
 */
export function citusProblems(catalogue: CitusCatalogue): string[] {
  const problems: string[] = [];
  const placements = new Map<string, CitusPlacement>();
  const parents = new Map(catalogue.relations.map((r) => [r.name, r.parent]));
  const owner = (table: string): string => {
    const parent = parents.get(table);
    return parent ? owner(parent) : table;
  };
  for (const r of catalogue.relations) {
    if (r.parent) continue;
    const placement = CITUS_PLACEMENT[r.name] as CitusPlacement | undefined;
    if (!placement) {
      problems.push(`${r.name} has no Citus placement: add it to CITUS_PLACEMENT in src/db/citus.ts.`);
      continue;
    }
    placements.set(r.name, placement);
    if (r.kind === 'partitioned' && placement.kind !== 'distributed') {
      problems.push(
        `${r.name} is partitioned: Citus can only hash-distribute it, not make it ${placement.kind}.`,
      );
    }
    if (r.kind === 'matview' && placement.kind !== 'local') {
      problems.push(`${r.name} is a materialized view: Citus keeps those on the coordinator (local).`);
    }
  }
  const existing = new Set(catalogue.relations.map((r) => r.name));
  for (const name of Object.keys(CITUS_PLACEMENT)) {
    if (!existing.has(name)) problems.push(`${name} has a Citus placement but no table: remove it.`);
  }
  const placementOf = (table: string) => placements.get(owner(table));
  const column = (table: string, name: string) =>
    catalogue.columns.find((c) => c.table === table && c.column === name);

  for (const [table, placement] of placements) {
    if (placement.kind !== 'distributed') continue;
    const key = column(table, placement.column);
    if (!key) {
      problems.push(`${table} has no distribution column ${placement.column}.`);
      continue;
    }
    if (!key.notNull) problems.push(`${table}.${placement.column} must be NOT NULL: rows are routed by it.`);
    if (key.identity) problems.push(`${table}.${placement.column} must not be an identity column.`);
    if (placement.colocateWith) {
      const anchor = CITUS_PLACEMENT[placement.colocateWith] as CitusPlacement | undefined;
      const anchorKey =
        anchor?.kind === 'distributed' ? column(placement.colocateWith, anchor.column) : undefined;
      if (!anchorKey) {
        problems.push(
          `${table} is co-located with ${placement.colocateWith}, which is not a distributed table.`,
        );
      } else if (anchorKey.type !== key.type) {
        problems.push(
          `${table}.${placement.column} is ${key.type} but ${placement.colocateWith}.${anchorKey.column} is ` +
            `${anchorKey.type}: co-located tables need one distribution column type.`,
        );
      }
    }
  }
  for (const c of catalogue.columns) {
    if (c.identity && placementOf(c.table)?.kind === 'distributed' && c.type !== 'bigint') {
      problems.push(
        `${c.table}.${c.column} is an identity column of type ${c.type}: on a distributed table it must be bigint.`,
      );
    }
  }
  for (const u of catalogue.uniques) {
    const placement = placementOf(u.table);
    if (placement?.kind !== 'distributed') continue;
    const at = u.columns.indexOf(placement.column);
    const ok = at >= 0 && (u.exclusionOperators.length === 0 || u.exclusionOperators[at] === '=');
    if (!ok) {
      problems.push(
        `${u.name} on ${u.table} (${u.columns.map((c) => c ?? '<expression>').join(', ')}) must include ` +
          `${placement.column}${u.exclusionOperators.length ? ' with =' : ''}: Citus checks uniqueness shard by shard.`,
      );
    }
  }
  for (const fk of catalogue.foreignKeys) {
    const from = placementOf(fk.table);
    const to = placementOf(fk.referencedTable);
    if (!from || !to) continue;
    const what = `Foreign key ${fk.name} (${fk.table} → ${fk.referencedTable})`;
    if (from.kind === 'local' || to.kind === 'local') {
      if (from.kind !== to.kind) problems.push(`${what} links a coordinator-local table with a Citus table.`);
    } else if (from.kind === 'reference' && to.kind === 'distributed') {
      problems.push(`${what}: a reference table cannot reference a distributed table.`);
    } else if (from.kind === 'distributed' && to.kind === 'distributed') {
      const group = (t: string, p: CitusPlacement) => (p.kind === 'distributed' ? (p.colocateWith ?? t) : t);
      const at = fk.columns.indexOf(from.column);
      if (group(owner(fk.table), from) !== group(owner(fk.referencedTable), to)) {
        problems.push(`${what}: distributed tables may only reference co-located ones.`);
      } else if (at < 0 || fk.referencedColumns[at] !== to.column) {
        problems.push(
          `${what} must pair ${from.column} with ${to.column}: each shard checks only its own rows.`,
        );
      }
    }
  }
  for (const t of catalogue.triggers) {
    const placement = placementOf(t.table);
    if (placement && placement.kind !== 'local') {
      problems.push(`Trigger ${t.name} on ${t.table}: keep triggers off Citus (${placement.kind}) tables.`);
    }
  }
  return problems;
}

/** How Citus holds a table: hash-distributed, reference, or a Citus local table (on the coordinator only). */
export type CitusHolding = 'distributed' | 'reference' | 'citus-local';

/**
 * The tables Citus holds on this database (from `pg_dist_partition`), by name; empty when Citus is not installed.
 * Partitions are listed with their parent.
 */
export async function readCitusHoldings(db: Queryable): Promise<Map<string, CitusHolding>> {
  const [{ present }] = await db.query<{ present: boolean }[]>(
    `SELECT to_regclass('pg_dist_partition') IS NOT NULL AS present`,
  );
  if (!present) return new Map();
  const rows = await db.query<{ table: string; method: string; model: string }[]>(
    `SELECT logicalrelid::regclass::text AS table, partmethod::text AS method, repmodel::text AS model
       FROM pg_dist_partition ORDER BY 1`,
  );
  return new Map(
    rows.map((r) => [
      r.table,
      r.method === 'h' ? 'distributed' : r.model === 't' ? 'reference' : 'citus-local',
    ]),
  );
}
