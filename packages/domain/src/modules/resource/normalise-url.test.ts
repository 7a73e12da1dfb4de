import { describe, expect, it } from 'vitest';
import { normaliseUrl } from './normalise-url.js';

describe('normaliseUrl', () => {
  it.each([
    ['HTTPS://WWW.Kirjastot.FI/', 'https://www.kirjastot.fi/'],
    ['http://example.org:80/a/', 'http://example.org/a'],
    ['https://example.org:8443/a', 'https://example.org:8443/a'],
    ['https://example.org/a?utm_source=x&b=2&a=1&fbclid=y', 'https://example.org/a?a=1&b=2'],
    [
      'https://www.tampere.fi/kirjasto/pike/pike-kirja/#p=86',
      'https://www.tampere.fi/kirjasto/pike/pike-kirja#p=86',
    ],
    ['https://user:pw@example.org/', 'https://example.org/'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it('rejects what is not an http(s) URL', () => {
    expect(normaliseUrl('javascript:alert(1)')).toBeNull();
    expect(normaliseUrl('ftp://example.org/')).toBeNull();
    expect(normaliseUrl('not a url')).toBeNull();
  });
});
