/**
 * CSRF protection (synchroniser token): a random token lives in the signed session cookie and
 * in a hidden field of every form; a POST is accepted only when the two match. SameSite=Lax on
 * the cookie is the second line of defence.
 */

/** The hidden field's name. */
export const CSRF_FIELD = 'csrf';

/** A new random token (32 bytes, base64url). */
export function createCsrfToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * True when the submitted token equals the session's. Compares every character whatever
 * differs first (constant time for equal lengths); missing or empty tokens never match.
 */
export function csrfTokensMatch(sessionToken: unknown, submittedToken: unknown): boolean {
  if (typeof sessionToken !== 'string' || typeof submittedToken !== 'string') return false;
  if (sessionToken.length < 32 || sessionToken.length !== submittedToken.length) return false;
  let difference = 0;
  for (let i = 0; i < sessionToken.length; i++) {
    difference |= sessionToken.charCodeAt(i) ^ submittedToken.charCodeAt(i);
  }
  return difference === 0;
}
