import { isObjectType, type GraphQLSchema } from 'graphql';
import { PRELOADED } from './compile';
import { KNOWLEDGE_TREE, type KnowledgeType } from './knowledge-tree';

function wrapFields(schema: GraphQLSchema, fields: Readonly<Record<string, readonly string[]>>): void {
  for (const [typeName, names] of Object.entries(fields)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`look-ahead: ${typeName} is not an object type of the schema`);
    for (const name of names) {
      const field = type.getFields()[name];
      const resolve = field?.resolve;
      if (!resolve) throw new Error(`look-ahead: ${typeName}.${name} has no resolver`);
      field.resolve = (root: Record<string, unknown>, args, context, info) =>
        root[name] !== undefined ? root[name] : resolve(root, args, context, info);
    }
  }
}

/**
 * `relatedFields`: fields of other types (a matrix cell's driver package, a group key's hypervisor) that a
 * compiled statement may have answered already: present on the object, handed on; absent, the resolver loads it.
 *
 * Lets the knowledge types' fields hand on compiled values: on an object built by a compiled statement (it
 * carries the PRELOADED flag) a field's value is already there, so its resolver (a DataLoader call, a type-graphql
 * wrapper) is skipped. Objects from the resolvers' path carry no flag and are resolved as before.
 */
export function servePreloadedFields(
  schema: GraphQLSchema,
  relatedFields: Readonly<Record<string, readonly string[]>>,
): GraphQLSchema {
  wrapFields(schema, relatedFields);
  for (const typeName of Object.keys(KNOWLEDGE_TREE) as KnowledgeType[]) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`look-ahead: ${typeName} is not an object type of the schema`);
    const spec = KNOWLEDGE_TREE[typeName];
    for (const field of Object.values(type.getFields())) {
      if (!(field.name in spec.columns) && !(field.name in spec.relations)) continue;
      const resolve = field.resolve;
      if (!resolve) continue;
      const name = field.name;
      field.resolve = (root: Record<string, unknown>, args, context, info) =>
        root[PRELOADED] === true ? root[name] : resolve(root, args, context, info);
    }
  }
  return schema;
}
