import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `vl_<8 hex: public prefix id>_<43 base64url: 32 random bytes>` */
const KEY_FORMAT = /^(vl_[0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedKey {
  /** The whole key, shown to its holder once. */
  key: string;
  prefix: string;
  secretSha256: string;
}

/** A new random key: 4 random bytes of public prefix, 32 of secret. */
export function generateKey(): GeneratedKey {
  const prefix = `vl_${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  return { key: `${prefix}_${secret}`, prefix, secretSha256: sha256(secret) };
}

/** Splits a presented key into prefix and secret; null when it is not shaped like one of ours. */
export function parseKey(key: string): { prefix: string; secret: string } | null {
  const m = KEY_FORMAT.exec(key);
  return m ? { prefix: m[1], secret: m[2] } : null;
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedSha256: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(storedSha256, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
