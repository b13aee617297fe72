import { requestScope } from '../observability/request-context';

/**
 * Which server a read goes to when read replicas are configured (see replica-router.ts). Replicas lag the
 * primary a little, so some reads must see the primary: a mutation's response (its own write) and API-key
 * checks (a revoked key stops working at once, a new one works at once). Without replicas all of this is moot:
 * every read is on the primary.
 */

/**
 * Runs `work` (a request's API-key check, before anything else of the request runs) with its reads on the
 * primary; the request's later reads choose a replica as before. It marks the request's own scope rather than
 * opening another AsyncLocalStorage, whose promise hooks every later request would pay for.
 */
export async function readOnPrimary<T>(work: () => Promise<T>): Promise<T> {
  const scope = requestScope.getStore();
  if (!scope) return work();
  const before = scope.readFrom;
  scope.readFrom = 'primary';
  try {
    return await work();
  } finally {
    scope.readFrom = before;
  }
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
  return requestScope.getStore()?.readFrom ?? null;
}

/** Remembers where the current request's reads went (a replica, or the primary when none answered). */
export function rememberReadTarget(target: 'primary' | number): void {
  const scope = requestScope.getStore();
  if (scope) scope.readFrom = target;
}
