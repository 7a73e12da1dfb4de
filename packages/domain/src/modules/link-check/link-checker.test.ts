import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InFlightCounter,
  type LinkTestServer,
  allowOnly,
  isLoopback,
  isLoopbackPeer,
  refusedAddress,
  startLinkServer,
} from '../../../test/link-server.js';
import { LinkChecker, type LinkCheckerOptions, interleaveByHost } from './link-checker.js';
import { Semaphore } from './semaphore.js';

/**
 * Every checker in these tests may only ever ask loopback addresses, and only the test servers
 * (the outbound guard allows their ports and nothing else). Timeouts are generous, so a busy
 * machine cannot turn an answer into a timeout; the one test of timeouts uses a server that
 * never answers.
 */
const asked: string[] = [];
let servers: LinkTestServer[] = [];
function checker(options: Partial<LinkCheckerOptions> = {}) {
  return new LinkChecker({
    timeoutMs: 30_000,
    retries: 1,
    retryDelayMs: 10,
    outbound: allowOnly(servers),
    allowUrl: (url) => {
      asked.push(url.href);
      return isLoopback(url);
    },
    ...options,
  });
}

describe('LinkChecker against a real HTTP server on 127.0.0.1', () => {
  let server: LinkTestServer;
  let second: LinkTestServer;
  const both = new InFlightCounter();
  beforeAll(async () => {
    server = await startLinkServer({ delayMs: 40, shared: both });
    second = await startLinkServer({ host: '127.0.0.2', delayMs: 40, shared: both });
    servers = [server, second];
  });
  afterAll(async () => {
    await server.close();
    await second.close();
    // Nothing left loopback: every address asked, and every request the servers saw.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((href) => !isLoopback(new URL(href)))).toEqual([]);
    const peers = [...server.requests, ...second.requests].map((r) => r.remoteAddress);
    expect(peers.filter((peer) => !isLoopbackPeer(peer))).toEqual([]);
  });

  it('answers ok for a 200, with HEAD and no retry', async () => {
    const before = server.requests.length;
    const probe = await checker().check(`${server.base}/ok`);
    expect(probe).toMatchObject({
      outcome: 'ok',
      httpStatus: 200,
      finalUrl: `${server.base}/ok`,
      redirects: [],
      attempts: 1,
      error: null,
    });
    expect(server.requests.slice(before).map((r) => r.method)).toEqual(['HEAD']);
  });

  it('falls back to GET when HEAD is refused', async () => {
    const before = server.requests.length;
    const probe = await checker().check(`${server.base}/head-refused`);
    expect(probe).toMatchObject({ outcome: 'ok', httpStatus: 200, attempts: 1 });
    expect(server.requests.slice(before).map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('follows and records a chain of redirects, expanding a short link', async () => {
    const probe = await checker().check(`${server.base}/short/ake`);
    expect(probe.outcome).toBe('ok');
    expect(probe.finalUrl).toBe(`${server.base}/ok`);
    expect(probe.redirects).toEqual([
      { url: `${server.base}/short/ake`, status: 301, location: `${server.base}/chain/1` },
      { url: `${server.base}/chain/1`, status: 301, location: `${server.base}/chain/2` },
      { url: `${server.base}/chain/2`, status: 308, location: `${server.base}/chain/3` },
      { url: `${server.base}/chain/3`, status: 302, location: `${server.base}/ok` },
    ]);
  });

  it('reports 404 and 410 as gone after asking twice', async () => {
    for (const status of [404, 410]) {
      const before = server.requests.length;
      const probe = await checker().check(`${server.base}/status/${status}`);
      expect(probe).toMatchObject({ outcome: 'gone', httpStatus: status, attempts: 2 });
      expect(probe.error).toBe(`HTTP ${status}`);
      // HEAD, then GET (HEAD answered an error), on each of the two attempts.
      expect(server.requests.slice(before).map((r) => r.method)).toEqual([
        'HEAD',
        'GET',
        'HEAD',
        'GET',
      ]);
    }
  });

  it('retries a 500 and takes the 200 that follows', async () => {
    const probe = await checker().check(`${server.base}/flaky/once?fail=2`);
    expect(probe).toMatchObject({ outcome: 'ok', httpStatus: 200, attempts: 2, error: null });
  });

  it('reports a 500 that persists as an HTTP error', async () => {
    const probe = await checker({ retries: 2 }).check(`${server.base}/status/500`);
    expect(probe).toMatchObject({ outcome: 'http_error', httpStatus: 500, attempts: 3 });
  });

  it('detects a redirect loop', async () => {
    const probe = await checker().check(`${server.base}/loop/a`);
    expect(probe.outcome).toBe('redirect_loop');
    expect(probe.redirects.map((r) => r.status)).toEqual([301, 301]);
    expect(probe.error).toMatch(/loop/);
  });

  it('gives up after the maximum number of redirects', async () => {
    const probe = await checker({ maxRedirects: 10 }).check(`${server.base}/endless/1`);
    expect(probe.outcome).toBe('too_many_redirects');
    expect(probe.redirects).toHaveLength(11);
  });

  it('never follows a redirect to a non-http(s) address', async () => {
    const before = server.requests.length;
    for (const path of ['/to-ftp', '/to-mailto']) {
      const probe = await checker({ retries: 0 }).check(`${server.base}${path}`);
      expect(probe.outcome).toBe('bad_redirect');
      expect(probe.error).toMatch(/non-http/);
    }
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/to-ftp', '/to-mailto']);
  });

  it('times out an answer that never comes, without a GET after the HEAD timed out', async () => {
    const before = server.requests.length;
    // The server never answers, so a short limit is still right on a busy machine.
    const probe = await checker({ timeoutMs: 200 }).check(`${server.base}/never`);
    expect(probe).toMatchObject({ outcome: 'timeout', httpStatus: null, attempts: 2 });
    expect(server.requests.slice(before).map((r) => r.method)).toEqual(['HEAD', 'HEAD']);
  });

  it('reports a refused connection as unreachable', async () => {
    const refused = await refusedAddress();
    const probe = await checker({ outbound: allowOnly([refused]) }).check(refused);
    expect(probe).toMatchObject({ outcome: 'unreachable', httpStatus: null, attempts: 2 });
    expect(probe.error).toMatch(/ECONNREFUSED/);
  });

  it('refuses addresses that are not http(s), and ones it is not allowed to ask', async () => {
    expect((await checker().check('ftp://127.0.0.1/x')).outcome).toBe('invalid_url');
    expect((await checker().check('ei osoite')).outcome).toBe('invalid_url');
    const before = server.requests.length;
    const blocked = await checker({ retries: 0, allowUrl: () => false }).check(`${server.base}/ok`);
    expect(blocked.outcome).toBe('blocked');
    // Without an allowance (the default guard, from an environment that sets none), the
    // test's own server on 127.0.0.1 is refused too.
    expect(process.env.OUTBOUND_ALLOW_HOSTS).toBeUndefined();
    const strict = await new LinkChecker().check(`${server.base}/ok`);
    expect(strict).toMatchObject({ outcome: 'blocked', attempts: 1 });
    expect(server.requests.length).toBe(before);
  });

  it('never asks an address that is not public, nor a redirect leading to one', async () => {
    const refusals: string[] = [];
    const onlyFirst = (options: Partial<LinkCheckerOptions> = {}) =>
      // The guard alone decides here (no `allowUrl`): these addresses are meant to be refused.
      checker({ outbound: allowOnly([server], refusals), allowUrl: undefined, ...options });
    const before = { first: server.requests.length, second: second.requests.length };
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[::1]/',
      `${second.base}/ok`,
      `http://2130706433:${second.port}/ok`,
    ]) {
      const probe = await onlyFirst().check(url);
      expect(probe, url).toMatchObject({ outcome: 'blocked', httpStatus: null, attempts: 1 });
      expect(probe.error, url).toMatch(/^Address not allowed: /);
    }
    expect(refusals).toHaveLength(5);
    // A redirect from the allowed server to the second (127.0.0.2) is refused unasked.
    const redirected = await onlyFirst().check(
      `${server.base}/to?url=${encodeURIComponent(`${second.base}/ok`)}`,
    );
    expect(redirected).toMatchObject({ outcome: 'blocked', attempts: 1 });
    expect(redirected.redirects).toEqual([
      {
        url: `${server.base}/to?url=${encodeURIComponent(`${second.base}/ok`)}`,
        status: 302,
        location: `${second.base}/ok`,
      },
    ]);
    expect(second.requests.length).toBe(before.second);
    // One HEAD for the redirect, nothing else: no retry, no GET of a refused address.
    expect(server.requests.slice(before.first).map((r) => r.method)).toEqual(['HEAD']);
  });

  it('keeps to the global and the per-host limits', async () => {
    // Two hosts (127.0.0.1 and 127.0.0.2), 40 ms per answer.
    const links = Array.from({ length: 60 }, (_, i) => ({
      url: `${i % 2 ? second.base : server.base}/delay/${i}`,
    }));
    for (const counter of [server.inFlight, second.inFlight, both]) counter.max = 0;
    const outcomes: string[] = [];
    await checker({ concurrency: 3, perHost: 2 }).checkMany(links, (_link, probe) => {
      outcomes.push(probe.outcome);
    });
    expect(outcomes).toHaveLength(60);
    expect(outcomes.every((o) => o === 'ok')).toBe(true);
    expect(server.inFlight.max).toBe(2);
    expect(second.inFlight.max).toBe(2);
    expect(both.max).toBe(3);
  });

  it('validates its options', () => {
    expect(() => new LinkChecker({ concurrency: 0 })).toThrow(/concurrency/);
    expect(() => new LinkChecker({ timeoutMs: -1 })).toThrow(/timeoutMs/);
  });
});

describe('interleaveByHost and Semaphore', () => {
  it('takes hosts in turn', () => {
    const items = ['http://a/1', 'http://a/2', 'http://a/3', 'http://b/1', 'http://c/1'].map(
      (url) => ({ url }),
    );
    expect(interleaveByHost(items).map((i) => i.url)).toEqual([
      'http://a/1',
      'http://b/1',
      'http://c/1',
      'http://a/2',
      'http://a/3',
    ]);
  });

  it('admits at most its limit, first come first served', async () => {
    const s = new Semaphore(2);
    const order: number[] = [];
    await s.acquire();
    await s.acquire();
    const third = s.acquire().then(() => order.push(3));
    const fourth = s.acquire().then(() => order.push(4));
    expect(s.inUse).toBe(2);
    s.release();
    await third;
    s.release();
    await fourth;
    expect(order).toEqual([3, 4]);
    s.release();
    s.release();
    expect(s.idle).toBe(true);
  });
});
