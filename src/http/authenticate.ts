import { GraphQLError } from 'graphql';
import type { ApiKeyService } from '../auth/api-key.service';
import { PoolBusyError } from '../errors';
import { readOnPrimary } from '../db/read-preference';
import { isDatabaseUnavailable } from '../graphql/format-error';
import { sendGraphQLError, type Step } from './exchange';
import { refuse, type RateLimiter } from './rate-limit';

/**
 * Resolves `Authorization: Bearer <key>` before anything else sees the request (the rate limit depends on it)
 * into `exchange.viewer`. No header: anonymous. A bad, unknown or revoked key: 401 UNAUTHENTICATED, nothing
 * executed, counted against the address's rate limit (`limiter`): past it, 429 instead, and while the address
 * stays over it, its keyed requests get 429 without a key lookup. The database away, or no connection free in
 * time: 503.
 */
export function authenticate(keys: () => ApiKeyService | null, limiter?: RateLimiter): Step {
  return async (ex, next) => {
    const service = keys();
    const header = ex.req.headers.authorization;
    if (!service || header === undefined) {
      ex.viewer = null;
      return next();
    }
    const flooding = limiter?.refuseBeforeLookup(ex);
    if (flooding) return refuse(ex, flooding);
    try {
      // On the primary, not a replica that may lag: a revoked key stops working, a new one works, at once.
      ex.viewer = await readOnPrimary(() => service.authenticate(header));
    } catch (error) {
      if (error instanceof PoolBusyError) {
        const { retryAfterSeconds } = error.extensions;
        sendGraphQLError(
          ex.res,
          503,
          error.message,
          { code: 'SERVICE_UNAVAILABLE', limit: error.extensions['limit'], retryAfterSeconds },
          { 'retry-after': String(retryAfterSeconds) },
        );
        return;
      }
      if (error instanceof GraphQLError) {
        const over = limiter?.countFailedAuthentication(ex);
        if (over) return refuse(ex, over);
        sendGraphQLError(
          ex.res,
          401,
          error.message,
          { code: 'UNAUTHENTICATED' },
          { 'www-authenticate': 'Bearer' },
        );
        return;
      }
      if (isDatabaseUnavailable(error)) {
        sendGraphQLError(ex.res, 503, 'The database is unavailable; try again in a few seconds.', {
          code: 'SERVICE_UNAVAILABLE',
        });
        return;
      }
      throw error;
    }
    return next();
  };
}
