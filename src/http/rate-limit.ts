import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Exchange, Step } from './exchange';
import { sendGraphQLError } from './exchange';

export interface RateLimitOptions {
  /** Requests per minute per client address without a key (0: unlimited). */
  anonymous: number;
  /** Requests per minute per API key (0: unlimited). */
  perKey: number;
}

const WINDOW_MS = 60_000;

interface Window {
  count: number;
  resetAt: number;
}

/**
 * The client a request counts against: its API key, else its address (an IPv6 address by its /56 network, as
 * express-rate-limit grouped them, so one host cannot rotate through its own block).
 */
function clientKey(ex: Exchange): string {
  if (ex.viewer) return `key:${ex.viewer.prefix}`;
  const address = ex.req.socket.remoteAddress ?? 'unknown';
  if (!isIPv6(address) || address.startsWith('::ffff:')) return `ip:${address.replace(/^::ffff:/, '')}`;
  return `ip:${ipv6Network(address, 56)}`;
}

/** The first `bits` bits of an IPv6 address, as `hex:hex:…::/bits`. */
function ipv6Network(address: string, bits: number): string {
  const [head = '', tail = ''] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t].map(
    (g) => parseInt(g, 16) || 0,
  );
  const kept = groups.map((g, i) => {
    const from = i * 16;
    if (from + 16 <= bits) return g;
    if (from >= bits) return 0;
    return g & (0xffff << (16 - (bits - from)));
  });
  return `${kept.map((g) => g.toString(16)).join(':')}/${bits}`;
}

/** The `pk` of the draft-8 RateLimit headers: a short hash of the client key, never the key itself. */
function partitionKey(key: string): string {
  return Buffer.from(createHash('sha256').update(key).digest('hex').slice(0, 12)).toString('base64');
}

/**
 * Per-key or per-address request limit: fixed one-minute windows in memory (the limit holds per server
 * instance), the same policy express-rate-limit enforced before. A key raises the limit. Answers carry the
 * IETF draft-8 `RateLimit` and `RateLimit-Policy` headers; over the limit: 429 RATE_LIMITED saying which limit,
 * its value and when to retry, with `Retry-After`. Runs after authentication.
 */
export function rateLimiter(options: RateLimitOptions): Step {
  const windows = new Map<string, Window>();
  // Expired windows are dropped once a minute, so idle clients do not accumulate.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
  }, WINDOW_MS);
  sweep.unref();

  return (ex, next) => {
    const max = ex.viewer ? options.perKey : options.anonymous;
    if (max === 0) return next();
    const key = clientKey(ex);
    const now = Date.now();
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + WINDOW_MS };
      windows.set(key, w);
    }
    w.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((w.resetAt - now) / 1000));
    const name = `${max}-in-1min`;
    const pk = partitionKey(key);
    ex.res.setHeader('ratelimit-policy', `"${name}"; q=${max}; w=${WINDOW_MS / 1000}; pk=:${pk}:`);
    ex.res.setHeader('ratelimit', `"${name}"; r=${Math.max(0, max - w.count)}; t=${resetSeconds}`);
    if (w.count <= max) return next();
    const who = ex.viewer ? `API key ${ex.viewer.prefix}` : 'this address (send an API key for more)';
    sendGraphQLError(
      ex.res,
      429,
      `Rate limit of ${max} requests per minute exceeded for ${who}; retry in ${resetSeconds} s.`,
      {
        code: 'RATE_LIMITED',
        limit: { name: ex.viewer ? 'rateLimitPerKey' : 'rateLimitPerAddress', max },
        windowSeconds: WINDOW_MS / 1000,
        retryAfterSeconds: resetSeconds,
      },
      { 'retry-after': String(resetSeconds) },
    );
    return Promise.resolve();
  };
}
