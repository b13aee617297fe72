import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionNode,
} from 'graphql';
import { KNOWLEDGE_TREE, type KnowledgeType, type RelationSpec } from './knowledge-tree';

/**
 * Look-ahead: a selection set over the knowledge types compiled into one SQL expression that builds the whole
 * answer as JSON, so a nested list costs one statement and its resolvers only hand the values on. Null when
 * the selection holds anything the knowledge tree does not describe — a field with arguments, an unknown field,
 * a fragment on another type, a directive other than @skip/@include — and then the caller uses the resolvers.
 */

/** Key of the flag on every compiled object: its fields are already resolved (see preloaded.ts). */
export const PRELOADED = '__preloaded';

interface Compilation {
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables: Readonly<Record<string, unknown>>;
  aliases: number;
}

/** The fields of a selection set (through fragments, honouring @skip/@include), grouped by field name. */
export function collectFields(
  selections: readonly SelectionNode[],
  typeNames: readonly string[],
  c: Pick<Compilation, 'fragments' | 'variables'>,
  into = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> | null {
  for (const s of selections) {
    const included = isIncluded(s, c.variables);
    if (included === null) return null;
    if (!included) continue;
    if (s.kind === Kind.FIELD) {
      into.set(s.name.value, [...(into.get(s.name.value) ?? []), s]);
      continue;
    }
    const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : c.fragments[s.name.value];
    if (!fragment) return null;
    if (fragment.typeCondition && !typeNames.includes(fragment.typeCondition.name.value)) return null;
    if (!collectFields(fragment.selectionSet.selections, typeNames, c, into)) return null;
  }
  return into;
}

/** true/false for @include/@skip; null for any other directive (not compiled). */
function isIncluded(s: SelectionNode, variables: Readonly<Record<string, unknown>>): boolean | null {
  let included = true;
  for (const d of s.directives ?? []) {
    const name = d.name.value;
    if (name !== 'skip' && name !== 'include') return null;
    const arg = d.arguments?.find((a) => a.name.value === 'if')?.value;
    const value =
      arg?.kind === Kind.BOOLEAN ? arg.value : arg?.kind === Kind.VARIABLE ? variables[arg.name.value] : null;
    if (typeof value !== 'boolean') return null;
    if ((name === 'skip') === value) included = false;
  }
  return included;
}

/** The sub-selections of every node of a field (aliases of one field without arguments merge). */
export function subSelections(nodes: readonly FieldNode[]): SelectionNode[] {
  return nodes.flatMap((n) => n.selectionSet?.selections ?? []);
}

/** A JSON object expression for one row of `type` aliased `alias`, or null (not compilable). */
function compileObject(
  type: KnowledgeType,
  selections: readonly SelectionNode[],
  alias: string,
  c: Compilation,
): string | null {
  const spec = KNOWLEDGE_TREE[type];
  const fields = collectFields(selections, [type, 'Node'], c);
  if (!fields) return null;
  const pairs = [`'${PRELOADED}', true`];
  for (const [name, nodes] of fields) {
    if (name === '__typename') continue; // graphql-js answers it from the type
    if (nodes.some((n) => n.arguments?.length)) return null;
    const column = spec.columns[name];
    if (column !== undefined) {
      pairs.push(`'${name}', ${column.replaceAll('{a}', alias)}`);
      continue;
    }
    const relation = spec.relations[name];
    const value = relation && compileRelation(relation, nodes, alias, c);
    if (!value) return null;
    pairs.push(`'${name}', ${value}`);
  }
  return `json_build_object(${pairs.join(', ')})`;
}

/** A relation's value (a JSON object or array expression) from the parent row `parent`, or null. */
function compileRelation(
  relation: RelationSpec,
  nodes: readonly FieldNode[],
  parent: string,
  c: Compilation,
): string | null {
  const target = `n${c.aliases++}`;
  const object = compileObject(relation.type, subSelections(nodes), target, c);
  if (!object) return null;
  const from = relation.from.replaceAll('{t}', target).replaceAll('{p}', parent);
  return relation.list
    ? `(SELECT coalesce(json_agg(${object} ORDER BY ${relation.orderBy!.replaceAll('{t}', target)}), '[]') FROM ${from})`
    : `(SELECT ${object} FROM ${from})`;
}

/**
 * Look-ahead for objects a query's own rows point to (a paravirtual path's driver package, a group key's
 * hypervisor): for each field of `related` that the selection on `parentType` asks for and that compiles, a
 * column `, <JSON> AS "<field>"` to add to the query's select list. `related` relations name their target with
 * `{t}` and refer to the query's own columns directly. Fields that do not compile are left to their resolvers.
 */
export function relatedObjectColumns(
  selections: readonly SelectionNode[],
  parentType: string,
  related: Readonly<Record<string, RelationSpec>>,
  info: Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>,
): string {
  const c: Compilation = { fragments: info.fragments, variables: info.variableValues, aliases: 0 };
  const fields = collectFields(selections, [parentType], c);
  let columns = '';
  for (const [name, relation] of Object.entries(related)) {
    const nodes = fields?.get(name);
    if (!nodes || nodes.some((n) => n.arguments?.length)) continue;
    const value = compileRelation(relation, nodes, '', c);
    if (value) columns += `, ${value} AS "${name}"`;
  }
  return columns;
}

/**
 * Compiles the selections made on items of `type` (e.g. a connection's `nodes`) for rows aliased `alias`.
 * Null: not compilable, use the resolvers.
 */
export function compileSelection(
  type: KnowledgeType,
  selections: readonly SelectionNode[],
  alias: string,
  info: Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>,
): string | null {
  if (selections.length === 0) return null;
  return compileObject(type, selections, alias, {
    fragments: info.fragments,
    variables: info.variableValues,
    aliases: 0,
  });
}

/**
 * The selections on the items of a connection field (`nodes { … }` and `edges { node { … } }` together), or
 * null when its selection cannot be read statically.
 */
export function connectionItemSelections(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>,
  connectionType: string,
  edgeType: string,
): SelectionNode[] | null {
  const c = { fragments: info.fragments, variables: info.variableValues };
  const fields = collectFields(subSelections(info.fieldNodes), [connectionType], c);
  if (!fields) return null;
  const items = subSelections(fields.get('nodes') ?? []);
  const edges = collectFields(subSelections(fields.get('edges') ?? []), [edgeType], c);
  if (!edges) return null;
  return [...items, ...subSelections(edges.get('node') ?? [])];
}

/**
 * The selections found by following `path` ([type, field] steps) down from the resolved field, e.g.
 * `[['PerformanceStats', 'groups'], ['PerformanceGroup', 'key']]`; empty when a step cannot be read statically
 * (a fragment on another type), so nothing is compiled there.
 */
export function selectionsAt(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>,
  path: readonly (readonly [type: string, field: string])[],
): SelectionNode[] {
  const c = { fragments: info.fragments, variables: info.variableValues };
  let selections = subSelections(info.fieldNodes);
  for (const [type, field] of path) {
    selections = subSelections(collectFields(selections, [type], c)?.get(field) ?? []);
  }
  return selections;
}

/** Whether a field's selection asks for nothing but these fields (e.g. a Node's `id`): then no row is needed. */
export function selectsOnly(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>,
  typeNames: readonly string[],
  fields: readonly string[],
): boolean {
  const selected = collectFields(subSelections(info.fieldNodes), typeNames, {
    fragments: info.fragments,
    variables: info.variableValues,
  });
  return selected !== null && [...selected.keys()].every((f) => f === '__typename' || fields.includes(f));
}

/** Copies the related objects a row carries (columns named like the fields) onto the object its resolvers get. */
export function attachRelated<T extends object>(
  object: T,
  row: object,
  related: Readonly<Record<string, unknown>>,
): T {
  for (const name of Object.keys(related)) {
    if (name in row) (object as Record<string, unknown>)[name] = (row as Record<string, unknown>)[name];
  }
  return object;
}
