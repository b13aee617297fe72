import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import {
  getNamedType,
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
});
