import { registerEnumType } from 'type-graphql';

/**
 * Registers a GraphQL enum whose names are the upper-case forms of the database values
 * (`strong_copyleft` → `STRONG_COPYLEFT`) and whose internal values are the database values themselves.
 * Every value needs its description: the compiler refuses a missing one, as the schema linter would.
 */
export function registerValuesEnum<const V extends string>(
  values: readonly V[],
  name: string,
  description: string,
  valueDescriptions: Record<V, string>,
): Record<Uppercase<V>, V> {
  const enumObject = Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as Record<Uppercase<V>, V>;
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.entries(valueDescriptions).map(([v, d]) => [v.toUpperCase(), { description: d }]),
    ) as never,
  });
  return enumObject;
}
