import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * The DDL that would bring the database to the entities' shape: what `migration:generate` writes.
 * Empty after migrating a fresh database means entities and migrations agree (no drift).
 */
export async function diffEntitiesAgainstDatabase(dataSource: DataSource): Promise<SchemaDiff> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}
