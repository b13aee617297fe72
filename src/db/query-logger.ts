import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../observability/logger';
import { requestScope } from '../observability/request-context';

/**
 * TypeORM's logger: counts every statement against the current request (for the `x-sql-statements` header,
 * tests and benchmarks) and sends failed and slow statements to the application log.
 */
export class QueryLogger implements TypeOrmLogger {
  constructor(private readonly logger?: Logger) {}

  logQuery(): void {
    const scope = requestScope.getStore();
    if (scope) scope.sqlStatements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger?.debug({ err: error, query: query.slice(0, 500) }, 'SQL statement failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ ms: time, query: query.slice(0, 500) }, 'slow SQL statement');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger?.debug({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn({ typeorm: message }, 'typeorm warning');
  }
}
