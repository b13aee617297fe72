import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { viewerOf } from '../auth/auth.middleware';

export interface RateLimitOptions {
  /** Requests per minute per client address without a key (0: unlimited). */
  anonymous: number;
  /** Requests per minute per API key (0: unlimited). */
  perKey: number;
}

const WINDOW_MS = 60_000;

/**
 * Per-key or per-address request limit (express-rate-limit, fixed one-minute windows, memory store: the limit
 * holds per server instance). A key raises the limit. Over it: 429 RATE_LIMITED saying which limit, its value
 * and when to retry, plus `Retry-After` and the standard `RateLimit` headers. Runs after authentication.
 */
export function rateLimiter(options: RateLimitOptions): RequestHandler {
  const limitOf = (viewer: unknown) => (viewer ? options.perKey : options.anonymous);
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: (_req, res) => limitOf(viewerOf(res)),
    skip: (_req, res) => limitOf(viewerOf(res)) === 0,
    keyGenerator: (req, res) => {
      const viewer = viewerOf(res);
      return viewer ? `key:${viewer.prefix}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const viewer = viewerOf(res);
      const max = limitOf(viewer);
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = Math.max(
        1,
        Math.ceil(((reset?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000),
      );
      const who = viewer ? `API key ${viewer.prefix}` : 'this address (send an API key for more)';
      res
        .status(429)
        .set('retry-after', String(retryAfter))
        .json({
          errors: [
            {
              message: `Rate limit of ${max} requests per minute exceeded for ${who}; retry in ${retryAfter} s.`,
              extensions: {
                code: 'RATE_LIMITED',
                limit: { name: viewer ? 'rateLimitPerKey' : 'rateLimitPerAddress', max },
                windowSeconds: WINDOW_MS / 1000,
                retryAfterSeconds: retryAfter,
              },
            },
          ],
        });
    },
  });
}
