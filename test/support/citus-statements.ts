import { loadModule, parseSync } from 'libpg-query';
import pg from 'pg';
import { CITUS_PLACEMENT, type CitusPlacement } from '../../src/db/citus';
import type { CitusCatalogue } from '../../src/db/citus-catalogue';

/**
 * Statement-level Citus rules, checked on one node: a recorder captures every statement that reaches PostgreSQL
 * through `pg` (TypeORM's queries, COPY, transactions), grouped by connection, and {@link citusStatementProblems}
 * parses each with PostgreSQL's own parser (libpg-query) and applies what Citus 13 refuses at run time with the
 * placements of src/db/citus.ts:
 *
 * 1. An UPDATE or DELETE of a reference table may not join a distributed table (`FROM`/`USING`) or use a subquery
 *    over one that refers to the row being written (correlated): "only reference tables may be queried when
 *    targeting a reference table with multi shard UPDATE/DELETE queries with multiple tables". An uncorrelated
 *    subquery is fine (Citus plans it first and sends its result).
 * 2. In a transaction, once a statement has read or written a distributed table in parallel (Citus's default
 *    multi-shard mode), a write to a reference table that a foreign key references fails: "cannot modify table …
 *    because there was a parallel operation on a distributed table". `SET LOCAL citus.multi_shard_modify_mode TO
 *    'sequential'` helps only when it comes before that first distributed statement (Citus's
 *    relation_access_tracking.c: sequential mode cannot undo connections already opened in parallel). Every
 *    statement over a distributed table is counted as parallel (a filter on one scenario would be routed to one
 *    shard, but the rule does not try to tell).
 * 3. No non-recursive CTE with a column-name list (`WITH docs(kind, id) AS …`) in a statement over Citus tables:
 *    Citus inlines such CTEs and loses the list ("column docs.kind does not exist"); name the columns in the
 *    CTE's select list instead.
 */

/** One statement as it reached PostgreSQL, on the connection it was sent on. */
export interface RecordedStatement {
  readonly connection: number;
  readonly sql: string;
}

export interface StatementRecorder {
  readonly statements: RecordedStatement[];
  /** Restores `pg.Client.prototype.query`. */
  stop(): void;
}

/** Records every statement of every `pg` connection of this process until stopped. */
export function recordStatements(): StatementRecorder {
  const statements: RecordedStatement[] = [];
  const ids = new WeakMap<object, number>();
  let next = 0;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: object, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const sql = typeof first === 'string' ? first : first?.text;
    if (typeof sql === 'string') {
      if (!ids.has(this)) ids.set(this, next++);
      statements.push({ connection: ids.get(this)!, sql });
    }
    return original.apply(this, args);
  };
  return {
    statements,
    stop: () => {
      proto.query = original;
    },
  };
}

/** Loads the parser (WebAssembly) once. */
export const parserReady: Promise<void> = loadModule();

type Node = Record<string, unknown>;
type Kind = CitusPlacement['kind'] | 'unknown';

/** What Citus would refuse among these statements, one sentence each (with the statement's start); [] if none. */
export function citusStatementProblems(
  statements: readonly RecordedStatement[],
  catalogue: CitusCatalogue,
): string[] {
  const parents = new Map(catalogue.relations.map((r) => [r.name, r.parent]));
  const kindOf = (table: string): Kind => {
    let name = table;
    while (parents.get(name)) name = parents.get(name)!;
    return (CITUS_PLACEMENT[name] as CitusPlacement | undefined)?.kind ?? 'unknown';
  };
  const referenced = new Set(catalogue.foreignKeys.map((fk) => fk.referencedTable));
  const problems: string[] = [];
  const byConnection = new Map<number, string[]>();
  for (const s of statements)
    byConnection.set(s.connection, [...(byConnection.get(s.connection) ?? []), s.sql]);

  for (const sqls of byConnection.values()) {
    let inTransaction = false;
    let sequential = false;
    let parallelOn: string | null = null;
    for (const sql of sqls) {
      for (const stmt of parse(sql)) {
        const what = describe(sql);
        const control = transactionControl(stmt);
        if (control === 'begin') {
          inTransaction = true;
          sequential = false;
          parallelOn = null;
          continue;
        }
        if (control === 'end') {
          inTransaction = false;
          continue;
        }
        if (isSequentialSetting(stmt)) {
          if (inTransaction && parallelOn === null) sequential = true;
          continue;
        }
        const tables = rangeVars(stmt).map((r) => r.relname);
        const target = writeTarget(stmt);

        // 1. A write to a reference table joined with, or correlated to, a distributed table.
        if (
          target &&
          kindOf(target.table) === 'reference' &&
          (target.verb === 'UPDATE' || target.verb === 'DELETE')
        ) {
          const joined = [...target.joins]
            .flatMap((n) => rangeVars(n))
            .find((r) => kindOf(r.relname) === 'distributed');
          if (joined) {
            problems.push(
              `${what}: ${target.verb} of reference table ${target.table} joins distributed table ${joined.relname}.`,
            );
          }
          for (const sub of sublinks(target.where)) {
            const inner = rangeVars(sub).find((r) => kindOf(r.relname) === 'distributed');
            if (inner && columnRefs(sub['subselect']).some((q) => q === target.alias)) {
              problems.push(
                `${what}: ${target.verb} of reference table ${target.table} has a correlated subquery over ` +
                  `distributed table ${inner.relname}.`,
              );
            }
          }
        }

        // 2. A referenced reference table written after a parallel statement over a distributed table (earlier
        // in the transaction, or in the statement itself: a subquery over one runs first).
        const distributed = tables.find((t) => kindOf(t) === 'distributed');
        const before = parallelOn ?? distributed ?? null;
        if (target && kindOf(target.table) === 'reference' && referenced.has(target.table)) {
          if (before !== null && !(inTransaction && sequential)) {
            problems.push(
              `${what}: writes reference table ${target.table} after a parallel statement on distributed table ` +
                `${before} in the same transaction (set citus.multi_shard_modify_mode to 'sequential' first).`,
            );
          }
        }
        if (inTransaction && distributed && parallelOn === null) parallelOn = distributed;

        // 3. CTE column-name lists in a statement over Citus tables.
        if (tables.some((t) => kindOf(t) === 'reference' || kindOf(t) === 'distributed')) {
          for (const cte of ctesWithColumnLists(stmt)) {
            problems.push(
              `${what}: the CTE ${cte} names its columns in a list; Citus inlines it and loses them.`,
            );
          }
        }
      }
    }
  }
  return problems;
}

function parse(sql: string): Node[] {
  try {
    return (parseSync(sql).stmts ?? []).map((s) => (s as { stmt: Node }).stmt);
  } catch (error) {
    throw new Error(`Could not parse ${describe(sql)}: ${(error as Error).message}`);
  }
}

function describe(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 120 ? `${flat.slice(0, 120)}…` : flat}"`;
}

function transactionControl(stmt: Node): 'begin' | 'end' | null {
  const t = stmt['TransactionStmt'] as { kind?: string } | undefined;
  if (!t) return null;
  if (t.kind === 'TRANS_STMT_BEGIN' || t.kind === 'TRANS_STMT_START') return 'begin';
  if (t.kind === 'TRANS_STMT_COMMIT' || t.kind === 'TRANS_STMT_ROLLBACK') return 'end';
  return null;
}

function isSequentialSetting(stmt: Node): boolean {
  const set = stmt['VariableSetStmt'] as { name?: string; args?: Node[] } | undefined;
  if (set?.name !== 'citus.multi_shard_modify_mode') return false;
  return JSON.stringify(set.args ?? []).includes('"sequential"');
}

interface WriteTarget {
  verb: 'INSERT' | 'UPDATE' | 'DELETE' | 'COPY';
  table: string;
  /** The name the statement refers to the target by (its alias, else its name). */
  alias: string;
  /** Tables the write joins (`UPDATE … FROM`, `DELETE … USING`). */
  joins: Node[];
  where: unknown;
}

function writeTarget(stmt: Node): WriteTarget | null {
  const verbs = [
    ['InsertStmt', 'INSERT'],
    ['UpdateStmt', 'UPDATE'],
    ['DeleteStmt', 'DELETE'],
    ['CopyStmt', 'COPY'],
  ] as const;
  for (const [key, verb] of verbs) {
    const node = stmt[key] as
      | {
          relation?: { relname: string; alias?: { aliasname: string } };
          fromClause?: Node[];
          usingClause?: Node[];
          whereClause?: unknown;
          is_from?: boolean;
        }
      | undefined;
    if (!node?.relation) continue;
    if (verb === 'COPY' && !node.is_from) return null;
    return {
      verb,
      table: node.relation.relname,
      alias: node.relation.alias?.aliasname ?? node.relation.relname,
      joins: [...(node.fromClause ?? []), ...(node.usingClause ?? [])],
      where: node.whereClause,
    };
  }
  return null;
}

function walk(node: unknown, visit: (key: string, value: Node) => boolean | void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Node)) {
      if (value && typeof value === 'object' && !Array.isArray(value) && visit(key, value as Node) === false)
        continue;
      walk(value, visit);
    }
  }
}

function rangeVars(node: unknown): { relname: string }[] {
  const found: { relname: string }[] = [];
  // A RangeVar is wrapped ({ RangeVar: … }) where the grammar allows any node, bare where it must be one
  // (`relation`, `rel`): match it by its fields.
  walk(node, (_key, value) => {
    if (typeof value['relname'] === 'string' && 'relpersistence' in value) {
      found.push(value as unknown as { relname: string });
    }
  });
  return found;
}

function sublinks(node: unknown): Node[] {
  const found: Node[] = [];
  walk(node, (key, value) => {
    if (key === 'SubLink') found.push(value);
  });
  return found;
}

/** The qualifiers of qualified column references (`r.scenario_id` → `r`). */
function columnRefs(node: unknown): string[] {
  const found: string[] = [];
  walk(node, (key, value) => {
    if (key !== 'ColumnRef') return;
    const fields = (value['fields'] ?? []) as { String?: { sval: string } }[];
    if (fields.length > 1 && fields[0].String) found.push(fields[0].String.sval);
  });
  return found;
}

function ctesWithColumnLists(stmt: Node): string[] {
  const found: string[] = [];
  walk(stmt, (key, value) => {
    if (key !== 'WithClause' && key !== 'withClause') return;
    if (value['recursive']) return;
    for (const c of (value['ctes'] ?? []) as {
      CommonTableExpr?: { ctename: string; aliascolnames?: unknown[] };
    }[]) {
      if (c.CommonTableExpr?.aliascolnames?.length) found.push(c.CommonTableExpr.ctename);
    }
  });
  return found;
}
