import {
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { BadUserInputError } from '../errors';
import { textProblem } from './scalars';

/**
 * Checks every argument value of an operation once its variables are known, whatever field takes it: no string
 * (of any scalar: String, ID, enums excepted) may hold a NUL character or an unpaired surrogate. This is the one
 * place that check lives; the scalars (dates, months) and the argument types (Int is int32) check the rest,
 * and the same pipeline serves `/reports`.
 *
 * @throws BadUserInputError naming the argument (with the input-field path, e.g. `filter.guests[1]`), the
 *   field that takes it, and the variable that carried the value.
 */
export function checkOperationArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): void {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  // Variables that do not fit their types are refused by execution with BAD_USER_INPUT; nothing to add here.
  if (coerced.errors) return;
  const variables = coerced.coerced;
  const typeInfo = new TypeInfo(schema);
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  for (const root of [operation, ...fragments]) {
    visit(
      root,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const field = typeInfo.getFieldDef();
          if (!field || field.args.length === 0) return;
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(field, node, variables);
          } catch {
            return; // a literal that does not fit: validation or execution names it
          }
          for (const arg of field.args) {
            const problem = findProblem(values[arg.name], arg.type, arg.name);
            if (!problem) continue;
            const given = node.arguments?.find((a) => a.name.value === arg.name)?.value;
            const via = given?.kind === Kind.VARIABLE ? ` (variable $${given.name.value})` : '';
            throw new BadUserInputError(
              `Argument "${problem.path}" of field "${field.name}"${via} ${problem.why}.`,
              problem.path,
              { http: { status: 400 } },
            );
          }
        },
      }),
    );
  }
}

interface Problem {
  path: string;
  why: string;
}

function findProblem(value: unknown, type: GraphQLInputType, path: string): Problem | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return findProblem(value, nullable.ofType, path);
    for (let i = 0; i < value.length; i++) {
      const p = findProblem(value[i], nullable.ofType, `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      const p = field ? findProblem(v, field.type, `${path}.${name}`) : null;
      if (p) return p;
    }
    return null;
  }
  if (typeof value === 'string') {
    const why = textProblem(value);
    return why ? { path, why } : null;
  }
  return null;
}
