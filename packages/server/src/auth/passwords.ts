import { hash, verify } from '@node-rs/argon2';

/** Shortest password accepted. Length matters more than character classes (NIST SP 800-63B). */
export const minPasswordLength = 10;

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's recommended minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash verifies nothing
  }
}

/**
 * A hash of nothing in particular, verified when the email is unknown so that a failed sign-in
 * takes as long whether or not the account exists.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash('not a password of anyone');
  return decoy;
}
