import { sendGraphQLError, type Step } from './exchange';
import { clientKey } from './rate-limit';

export interface CostBudgetOptions {
  /** Query cost (x-query-cost) per minute per client address without a key (0: no budget). */
  anonymous: number;
  /** The same per API key (0: no budget). */
  perKey: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const MINUTE_MS = 60_000;

/**
 * Per-client budget of query cost, as Shopify's and GitHub's APIs meter it: a bucket of `perMinute` points per
 * client (its API key, else its address) that refills continuously at `perMinute` a minute. A request is
 * admitted while the bucket is not empty and pays its computed cost once it ran (a document refused before it
 * ran pays nothing); a client whose bucket is empty gets 429 RATE_LIMITED naming the budget,
 * with `Retry-After` until it is positive again. So the work one client makes the server do follows the cost
 * model: the costliest document the cost limit admits (200 000) can be sent five times a minute anonymously, a
 * `vendor(slug)` (cost 1–20) tens of thousands of times. Runs after the rate and concurrency limits.
 */
export function costBudget(options: CostBudgetOptions): Step {
  const buckets = new Map<string, Bucket>();
  // Full buckets are dropped once a minute, so idle clients do not accumulate.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, b] of buckets)
      if (refill(b, now, capacityOf(key)) >= capacityOf(key)) buckets.delete(key);
  }, MINUTE_MS);
  sweep.unref();
  const capacityOf = (key: string) => (key.startsWith('key:') ? options.perKey : options.anonymous);

  return async (ex, next) => {
    const perMinute = ex.viewer ? options.perKey : options.anonymous;
    if (perMinute === 0) return next();
    const key = clientKey(ex);
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, updatedAt: now };
    buckets.set(key, bucket);
    if (refill(bucket, now, perMinute) <= 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((1 - bucket.tokens) * MINUTE_MS) / perMinute / 1000));
      const who = ex.viewer ? `API key ${ex.viewer.prefix}` : 'this address (send an API key for more)';
      sendGraphQLError(
        ex.res,
        429,
        `Query cost budget of ${perMinute} per minute used up for ${who}; retry in ${retryAfterSeconds} s.`,
        {
          code: 'RATE_LIMITED',
          limit: { name: ex.viewer ? 'costPerMinutePerKey' : 'costPerMinutePerAddress', max: perMinute },
          retryAfterSeconds,
        },
        { 'retry-after': String(retryAfterSeconds) },
      );
      return;
    }
    try {
      await next();
    } finally {
      // A document refused before it ran (400: over the cost limit, invalid) did no work and pays nothing.
      const cost = ex.scope.cost;
      if (cost !== undefined && cost > 0 && ex.res.statusCode < 400) {
        refill(bucket, Date.now(), perMinute);
        bucket.tokens -= cost;
      }
    }
  };
}

/** Adds what the bucket earned since it was last updated (up to its capacity); returns its tokens. */
function refill(bucket: Bucket, now: number, perMinute: number): number {
  bucket.tokens = Math.min(perMinute, bucket.tokens + ((now - bucket.updatedAt) * perMinute) / MINUTE_MS);
  bucket.updatedAt = now;
  return bucket.tokens;
}
