import { sendGraphQLError, type Step } from './exchange';
import { clientKey } from './rate-limit';

export interface ConcurrencyLimitOptions {
  /** Requests in flight at once per client address without a key (0: no cap). */
  anonymous: number;
  /** Requests in flight at once per API key (0: no cap). */
  perKey: number;
}

/** What a refused request is told to wait: one in-flight request of the client will likely have finished. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Per-client cap on requests in flight (the client as the rate limit counts it: its API key, else its
 * address). A request over the cap is answered at once with 429 RATE_LIMITED naming the cap and
 * `Retry-After: 1`, not queued: a queue would hold the client's sockets and memory and hide the overload from
 * it, and a well-behaved client retries anyway. Together with the per-request connection cap this bounds the
 * read-pool connections one client can hold (`cap × DB_CONNECTIONS_PER_REQUEST`), so that others still get some.
 * Runs after authentication and the rate limit.
 */
export function concurrencyLimit(options: ConcurrencyLimitOptions): Step {
  const inFlight = new Map<string, number>();
  return async (ex, next) => {
    const max = ex.viewer ? options.perKey : options.anonymous;
    if (max === 0) return next();
    const key = clientKey(ex);
    const running = inFlight.get(key) ?? 0;
    if (running >= max) {
      const who = ex.viewer ? `API key ${ex.viewer.prefix}` : 'this address (send an API key for more)';
      sendGraphQLError(
        ex.res,
        429,
        `At most ${max} requests at a time for ${who}; retry in ${RETRY_AFTER_SECONDS} s.`,
        {
          code: 'RATE_LIMITED',
          limit: { name: ex.viewer ? 'concurrentRequestsPerKey' : 'concurrentRequestsPerAddress', max },
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        },
        { 'retry-after': String(RETRY_AFTER_SECONDS) },
      );
      return;
    }
    inFlight.set(key, running + 1);
    try {
      await next();
    } finally {
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left > 0) inFlight.set(key, left);
      else inFlight.delete(key);
    }
  };
}
