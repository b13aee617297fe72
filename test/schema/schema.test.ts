import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLScalarType,
} from 'graphql';
import { buildAppSchema, printSortedSchema } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('is the sorted SDL of the schema the code builds (run `npm run schema:emit` after a change)', async () => {
    const committed = fs.readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(printSortedSchema(await buildAppSchema())).toBe(committed);
  });
});

describe('schema conventions', () => {
  it('every custom scalar names its specification with @specifiedBy', async () => {
    const schema = await buildAppSchema();
    const custom = Object.values(schema.getTypeMap()).filter(
      (t): t is GraphQLScalarType => isScalarType(t) && !isSpecifiedScalarType(t),
    );
    expect(custom.map((t) => t.name).sort()).toEqual(['DateTimeISO', 'JSONObject', 'LocalDate', 'YearMonth']);
    for (const scalar of custom)
      expect({ name: scalar.name, url: scalar.specifiedByURL }).toEqual({
        name: scalar.name,
        url: expect.stringMatching(/^https?:\/\//) as string,
      });
  });

  it('every count (a field named count or ending in Count) is an Int', async () => {
    const schema = await buildAppSchema();
    const counts: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields()))
        if (/^count$|Count$/.test(field.name))
          counts.push(`${type.name}.${field.name}: ${String(getNamedType(field.type))}`);
    }
    expect(counts.length).toBeGreaterThan(10);
    expect(counts.filter((c) => !c.endsWith(': Int'))).toEqual([]);
  });

  it('every type, field, argument, input field and enum value has a description (as the schema linter requires)', async () => {
    const schema = await buildAppSchema();
    const elements: { path: string; description: string | null | undefined }[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      elements.push({ path: type.name, description: type.description });
      if (isObjectType(type) || isInterfaceType(type))
        for (const field of Object.values(type.getFields())) {
          elements.push({ path: `${type.name}.${field.name}`, description: field.description });
          for (const arg of field.args)
            elements.push({ path: `${type.name}.${field.name}(${arg.name})`, description: arg.description });
        }
      if (isInputObjectType(type))
        for (const field of Object.values(type.getFields()))
          elements.push({ path: `${type.name}.${field.name}`, description: field.description });
      if (isEnumType(type))
        for (const value of type.getValues())
          elements.push({ path: `${type.name}.${value.name}`, description: value.description });
    }
    expect(elements.length).toBeGreaterThan(1400);
    expect(elements.filter((e) => !e.description?.trim()).map((e) => e.path)).toEqual([]);
  });
});
