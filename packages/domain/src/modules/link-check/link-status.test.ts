import { describe, expect, it } from 'vitest';
import { type ClassifyInput, classify } from './link-status.js';

const url = 'http://127.0.0.1/x';
const result = (over: Partial<ClassifyInput>): ClassifyInput => ({
  url,
  outcome: 'ok',
  attempts: 1,
  redirected: false,
  ...over,
});

describe('classify: the broken rule', () => {
  it('calls a 2xx ok, or redirected when redirects were followed', () => {
    expect(classify(result({}), null)).toBe('ok');
    expect(classify(result({ redirected: true }), null)).toBe('redirected');
    // A success clears any earlier failure at once.
    expect(classify(result({ attempts: 2 }), { url, status: 'broken' })).toBe('ok');
  });

  it('never calls a single failure broken', () => {
    expect(classify(result({ outcome: 'gone', attempts: 1 }), null)).toBe('error');
    expect(classify(result({ outcome: 'timeout', attempts: 2 }), null)).toBe('timeout');
    expect(classify(result({ outcome: 'unreachable', attempts: 2 }), null)).toBe('unreachable');
    expect(classify(result({ outcome: 'http_error', attempts: 2 }), null)).toBe('error');
  });

  it('calls a definitive failure seen on every attempt (two or more) broken', () => {
    for (const outcome of [
      'gone',
      'redirect_loop',
      'too_many_redirects',
      'bad_redirect',
    ] as const) {
      expect(classify(result({ outcome, attempts: 2 }), null), outcome).toBe('broken');
    }
  });

  it('calls any failure broken when the previous run of the same address failed too', () => {
    for (const status of ['timeout', 'unreachable', 'error', 'broken'] as const) {
      expect(classify(result({ outcome: 'timeout', attempts: 2 }), { url, status })).toBe('broken');
    }
    expect(classify(result({ outcome: 'timeout' }), { url, status: 'ok' })).toBe('timeout');
    expect(classify(result({ outcome: 'timeout' }), { url, status: 'redirected' })).toBe('timeout');
  });

  it('does not count a failure of an address the resource no longer has', () => {
    expect(
      classify(result({ outcome: 'unreachable' }), {
        url: 'http://127.0.0.1/old',
        status: 'broken',
      }),
    ).toBe('unreachable');
  });

  it('calls an address the outbound guard refused blocked, whatever came before', () => {
    expect(classify(result({ outcome: 'blocked', attempts: 1 }), null)).toBe('blocked');
    expect(classify(result({ outcome: 'blocked' }), { url, status: 'broken' })).toBe('blocked');
    expect(classify(result({ outcome: 'blocked' }), { url, status: 'ok' })).toBe('blocked');
  });

  it('calls an address that is not http(s) broken at once', () => {
    expect(classify(result({ outcome: 'invalid_url', attempts: 0 }), null)).toBe('broken');
  });
});
