import { AsyncLocalStorage } from 'node:async_hooks';

/** The request being served, reachable from any code it calls (error formatting, logs). */
export interface RequestScope {
  requestId: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
