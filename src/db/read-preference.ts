import { AsyncLocalStorage } from 'node:async_hooks';
import { requestScope } from '../observability/request-context';

/**
 * Which server a read goes to when read replicas are configured (see replica-router.ts). Replicas lag the
 * primary a little, so some reads must see the primary: a mutation's response (its own write) and API-key
 * checks (a revoked key stops working at once, a new one works at once). Without replicas all of this is moot:
 * every read is on the primary.
 */

const onPrimary = new AsyncLocalStorage<true>();

/** Runs `work` with every read it makes (and everything it awaits) on the primary. */
export function readOnPrimary<T>(work: () => Promise<T>): Promise<T> {
  return onPrimary.run(true, work);
}

/**
 * The rest of the current request reads from the primary: called when a mutation starts, so that the payload it
 * returns (and every field resolved under it) shows the mutation's own write.
 */
export function pinReadsToPrimary(): void {
  const scope = requestScope.getStore();
  if (scope) scope.readFrom = 'primary';
}

/**
 * Where the next read should go: `primary`, the index of the replica the request already reads from (one
 * replication lag per response, so a list and the rows it refers to agree), or null (any healthy replica).
 */
export function readPreference(): 'primary' | number | null {
  if (onPrimary.getStore()) return 'primary';
  return requestScope.getStore()?.readFrom ?? null;
}

/** Remembers where the current request's reads went (a replica, or the primary when none answered). */
export function rememberReadTarget(target: 'primary' | number): void {
  const scope = requestScope.getStore();
  if (scope) scope.readFrom = target;
}
