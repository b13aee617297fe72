import type { DataSource } from 'typeorm';
import { SearchDocumentsWithoutCteColumns1796198110532 as Migration } from '../../migrations/1796198110532-search-documents-without-cte-columns';
import { createDataSource } from '../../src/db/data-source';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase();
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const rows = () =>
  ds.query<Record<string, unknown>[]>(
    'SELECT kind, id, slug, name, related, body, document::text AS document FROM search_document ORDER BY kind, id',
  );
const columns = () =>
  ds.query<{ name: string; type: string }[]>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
      WHERE a.attrelid = 'search_document'::regclass AND a.attnum > 0 ORDER BY a.attnum`,
  );
const definition = async () =>
  (await ds.query<{ d: string }[]>(`SELECT pg_get_viewdef('search_document'::regclass) AS d`))[0].d;

describe('the search view without a CTE column list', () => {
  it('has the rows and column types of the view it replaces, and names no CTE columns', async () => {
    const now = { rows: await rows(), columns: await columns() };
    expect(now.rows.length).toBeGreaterThan(100);
    expect(await definition()).toMatch(/^ WITH docs AS \(/);

    const runner = ds.createQueryRunner();
    try {
      await new Migration().down(runner);
      await runner.query('SELECT refresh_search_documents()');
      expect(await definition()).toMatch(/^ WITH docs\(kind, id, slug, name, related, body\) AS \(/);
      expect({ rows: await rows(), columns: await columns() }).toEqual(now);
      await new Migration().up(runner);
      await runner.query('SELECT refresh_search_documents()');
    } finally {
      await runner.release();
    }
    expect({ rows: await rows(), columns: await columns() }).toEqual(now);
    expect(now.columns).toEqual([
      { name: 'kind', type: 'text' },
      { name: 'id', type: 'integer' },
      { name: 'slug', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'related', type: 'text' },
      { name: 'body', type: 'text' },
      { name: 'document', type: 'tsvector' },
    ]);
  });
});
