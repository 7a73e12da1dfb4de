/**
 * Password hashing for web sign-in: scrypt from node:crypto with a random salt. The stored form
 * carries its parameters (`scrypt$N$r$p$salt$hash`), so they can be raised later and old hashes
 * still verify.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** Cost parameters: N = 2^15 takes ~50 ms and 32 MB here, enough for a handful of curators. */
export const SCRYPT_PARAMS = { N: 32768, r: 8, p: 1, keyLength: 32 } as const;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
  keyLength: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Hashes a password with a fresh 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = SCRYPT_PARAMS;
  const key = await derive(password, salt, { N, r, p }, keyLength);
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * True when the password matches the stored hash; compares in constant time. A malformed or
 * missing hash never matches (and still costs one derivation, so timing does not tell).
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  const [scheme, n, r, p, saltText, keyText] = parts;
  const valid =
    parts.length === 6 &&
    scheme === 'scrypt' &&
    /^\d+$/.test(n ?? '') &&
    /^\d+$/.test(r ?? '') &&
    /^\d+$/.test(p ?? '');
  const params = valid
    ? { N: Number(n), r: Number(r), p: Number(p) }
    : { N: SCRYPT_PARAMS.N, r: SCRYPT_PARAMS.r, p: SCRYPT_PARAMS.p };
  const salt = valid ? Buffer.from(saltText ?? '', 'base64url') : randomBytes(16);
  const expected = valid
    ? Buffer.from(keyText ?? '', 'base64url')
    : Buffer.alloc(SCRYPT_PARAMS.keyLength);
  const key = await derive(password, salt, params, expected.length || SCRYPT_PARAMS.keyLength);
  return valid && expected.length > 0 && timingSafeEqual(key, expected);
}
