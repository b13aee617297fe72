import { AsyncLocalStorage } from 'node:async_hooks';

/** The request being served, reachable from any code it calls (error formatting, logs, SQL counting). */
export interface RequestScope {
  requestId: string;
  /** SQL statements this request sent to PostgreSQL so far (counted by the DataSource's logger). */
  sqlStatements: number;
  /**
   * Where the request's reads go once decided (see db/read-preference.ts): `primary` after a mutation started
   * (read-your-writes) or when no replica answered, else the index of the replica it first read from.
   */
  readFrom?: 'primary' | number;
  /** The GraphQL operation's name, once Apollo resolved it (for the access log). */
  operationName?: string;
  /** The operation's computed cost (see graphql/limits.ts), once known (for the access log). */
  cost?: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
