import { AsyncLocalStorage } from 'node:async_hooks';

/** The request being served, reachable from any code it calls (error formatting, logs, SQL counting). */
export interface RequestScope {
  requestId: string;
  /** SQL statements this request sent to PostgreSQL so far (counted by the DataSource's logger). */
  sqlStatements: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
