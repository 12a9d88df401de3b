import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random secret (256 bits) with a prefix saying what it is: `dxs_` session, `dxt_` API token, `dxl_` local access. */
export function newSecret(prefix: 'dxs' | 'dxt' | 'dxl' | 'csrf'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored as their SHA-256: a leaked table gives nobody a way in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
