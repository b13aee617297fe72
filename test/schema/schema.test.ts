import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { buildAppSchema, printSortedSchema } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('is the sorted SDL of the schema the code builds (run `npm run schema:emit` after a change)', async () => {
    const committed = fs.readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(printSortedSchema(await buildAppSchema())).toBe(committed);
  });
});
