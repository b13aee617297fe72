import { createHash } from 'node:crypto';
import { BoundedCache } from '../graphql/bounded-cache';

/** How long a key found unknown, wrong or revoked is answered from memory, in milliseconds. */
export const REJECTED_KEY_TTL_MS = 60_000;

/** Most rejected keys remembered at once (the least recently presented dropped first): about 2 MB at most. */
export const REJECTED_KEY_ENTRIES = 10_000;

interface Rejection {
  message: string;
  expiresAt: number;
}

/**
 * Keys the database said no to, by the SHA-256 of the whole presented key (never the key itself), each for
 * {@link REJECTED_KEY_TTL_MS}: a client repeating a bad key costs no lookup. Bounded, so a flood of distinct
 * keys cannot grow it. A key made afterwards in this process clears it ({@link clear}); one made by another
 * process (the `keys` CLI, another instance) works at the latest once the TTL passed — in practice at once,
 * since a new key is 32 random bytes nobody can have presented before.
 */
export class RejectedKeys {
  private readonly entries = new BoundedCache<Rejection>(REJECTED_KEY_ENTRIES);

  constructor(private readonly now: () => number = Date.now) {}

  /** The message the key was refused with, if it was refused within the TTL. */
  get(key: string): string | undefined {
    const hit = this.entries.get(hashOf(key));
    return hit && hit.expiresAt > this.now() ? hit.message : undefined;
  }

  add(key: string, message: string): void {
    this.entries.set(hashOf(key), { message, expiresAt: this.now() + REJECTED_KEY_TTL_MS });
  }

  clear(): void {
    this.entries.clear();
  }
}

function hashOf(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('base64');
}
