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
  /** Of `count`, the failed authentications (bad, unknown or revoked keys) from an address. */
  failedAuthentications: number;
  resetAt: number;
}

/**
 * The client a request counts against: its API key, else its address (an IPv6 address by its /56 network, as
 * express-rate-limit grouped them, so one host cannot rotate through its own block).
 */
export function clientKey(ex: Exchange): string {
  return ex.viewer ? `key:${ex.viewer.prefix}` : addressKey(ex);
}

/** The request's address as a client (see {@link clientKey}), whatever key it sent. */
function addressKey(ex: Exchange): string {
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

/** A client's refusal: the limit it is over and when its window resets. */
interface Refusal {
  max: number;
  resetSeconds: number;
}

/**
 * Per-key or per-address request limit: fixed one-minute windows in memory (the limit holds per server
 * instance), the same policy express-rate-limit enforced before. A key raises the limit. A failed authentication
 * (a bad, unknown or revoked key: 401) counts against its address's window like an anonymous request, so a
 * flood of bad keys is refused with 429 like any other flood; and while an address is over its limit with
 * failed authentications in its window, its requests that carry a key are refused before the key is looked up
 * (see {@link RateLimiter.refuseBeforeLookup}): such a flood costs no database lookup.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly options: RateLimitOptions) {
    // Expired windows are dropped once a minute, so idle clients do not accumulate.
    const sweep = setInterval(() => {
      const now = Date.now();
      for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    }, WINDOW_MS);
    sweep.unref();
  }

  /**
   * The pipeline step, after authentication. Answers carry the IETF draft-8 `RateLimit` and `RateLimit-Policy`
   * headers; over the limit: 429 RATE_LIMITED saying which limit, its value and when to retry, with `Retry-After`.
   */
  readonly step: Step = (ex, next) => {
    const max = ex.viewer ? this.options.perKey : this.options.anonymous;
    if (max === 0) return next();
    const key = clientKey(ex);
    const w = this.count(key);
    const resetSeconds = secondsUntil(w.resetAt);
    const name = `${max}-in-1min`;
    const pk = partitionKey(key);
    ex.res.setHeader('ratelimit-policy', `"${name}"; q=${max}; w=${WINDOW_MS / 1000}; pk=:${pk}:`);
    ex.res.setHeader('ratelimit', `"${name}"; r=${Math.max(0, max - w.count)}; t=${resetSeconds}`);
    if (w.count <= max) return next();
    refuse(ex, { max, resetSeconds });
    return Promise.resolve();
  };

  /**
   * Counts a failed authentication against the request's address. True when that made the address go over its
   * limit: the caller answers with {@link refuse}'s 429 instead of the 401.
   */
  countFailedAuthentication(ex: Exchange): Refusal | null {
    const max = this.options.anonymous;
    if (max === 0) return null;
    const w = this.count(addressKey(ex));
    w.failedAuthentications += 1;
    return w.count > max ? { max, resetSeconds: secondsUntil(w.resetAt) } : null;
  }

  /**
   * Before a key is looked up: the refusal for an address that is at its limit and has failed to authenticate
   * in this window (null: go on and look the key up). An address over its limit by anonymous requests alone
   * keeps its keys working.
   */
  refuseBeforeLookup(ex: Exchange): Refusal | null {
    const max = this.options.anonymous;
    if (max === 0) return null;
    const w = this.windows.get(addressKey(ex));
    // This request would be one over the limit: refused before its key costs a lookup.
    if (!w || w.resetAt <= Date.now() || w.count < max || w.failedAuthentications === 0) return null;
    w.count += 1;
    return { max, resetSeconds: secondsUntil(w.resetAt) };
  }

  private count(key: string): Window {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, failedAuthentications: 0, resetAt: now + WINDOW_MS };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w;
  }
}

function secondsUntil(resetAt: number): number {
  return Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
}

/** 429 RATE_LIMITED naming the limit (per key, or per address when the request has no valid key). */
export function refuse(ex: Exchange, { max, resetSeconds }: Refusal): void {
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
}
