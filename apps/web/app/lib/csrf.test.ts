import { describe, expect, it } from 'vitest';
import { createCsrfToken, csrfTokensMatch } from './csrf';

describe('CSRF check', () => {
  it('accepts the session token and nothing else', () => {
    const token = createCsrfToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createCsrfToken()).not.toBe(token);
    expect(csrfTokensMatch(token, token)).toBe(true);
    expect(csrfTokensMatch(token, createCsrfToken())).toBe(false);
    expect(csrfTokensMatch(token, token.slice(0, -1))).toBe(false);
    expect(csrfTokensMatch(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(
      false,
    );
  });

  it('refuses missing, empty and non-string tokens', () => {
    const token = createCsrfToken();
    expect(csrfTokensMatch(undefined, undefined)).toBe(false);
    expect(csrfTokensMatch('', '')).toBe(false);
    expect(csrfTokensMatch(token, null)).toBe(false);
    expect(csrfTokensMatch(undefined, token)).toBe(false);
    expect(csrfTokensMatch('short', 'short')).toBe(false);
  });
});
