import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor, systemActor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import {
  type LinkTestServer,
  allowOnly,
  isLoopback,
  isLoopbackPeer,
  refusedAddress,
  startLinkServer,
} from '../../../test/link-server.js';
import { type LinkCheckRunOptions } from './link-check.service.js';
import { type LinkStatus } from './link-status.js';

describe('LinkCheckService: statuses, history and the broken filter', () => {
  let t: TestDatabase;
  let server: LinkTestServer;
  let curator: Actor;
  const ids = new Map<string, number>();
  const asked: string[] = [];
  // Generous: only the link that never answers times out, however busy the machine.
  const options: LinkCheckRunOptions = {
    timeoutMs: 3_000,
    retries: 1,
    retryDelayMs: 10,
    allowUrl: (url) => {
      asked.push(url.href);
      return isLoopback(url);
    },
  };

  beforeAll(async () => {
    // No seed: its links point at the internet, and these tests stay on 127.0.0.1.
    t = await openTestDatabase();
    server = await startLinkServer();
    const refused = await refusedAddress();
    // The outbound guard allows the test server and the refused port, nothing else.
    options.outbound = allowOnly([server, refused]);
    curator = await actorWithRole(t.db, 'curator');
    const links: Record<string, string> = {
      ok: `${server.base}/ok`,
      chain: `${server.base}/chain/1`,
      short: `${server.base}/short/xyz`,
      missing: `${server.base}/status/404`,
      gone: `${server.base}/status/410`,
      flaky: `${server.base}/flaky/run1?fail=2`,
      loop: `${server.base}/loop/a`,
      slow: `${server.base}/never`,
      refused,
      // Loopback, but not the address allowed: the guard refuses the redirect's target.
      private: `${server.base}/to?url=${encodeURIComponent(`http://127.0.0.2:${server.port}/ok`)}`,
      archived: `${server.base}/status/404?archived`,
    };
    for (const [name, url] of Object.entries(links)) {
      const created = await t
        .services()
        .resources.create(curator, { url, title: `Linkki ${name}` });
      if (!created.ok) throw new Error(JSON.stringify(created.errors));
      ids.set(name, created.value.id);
    }
    const archived = await t
      .services()
      .resources.archive(curator, { id: ids.get('archived')!, version: 1 });
    expect(archived.ok).toBe(true);
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  const statusesOf = (entries: { resourceId: number; status: LinkStatus }[]) =>
    Object.fromEntries(
      [...ids].flatMap(([name, id]) => {
        const entry = entries.find((e) => e.resourceId === id);
        return entry ? [[name, entry.status]] : [];
      }),
    );

  it('refuses anyone but curators, admins and the system', async () => {
    await expect(t.services().links.checkAll(ANONYMOUS, options)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('gives each answer its status on the first run, never checking archived links', async () => {
    const progress: number[] = [];
    let announced = 0;
    const report = await t.services().links.checkAll(curator, {
      ...options,
      onStart: (total) => (announced = total),
      onResult: (_entry, done) => progress.push(done),
    });
    expect(announced).toBe(10);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(report.total).toBe(10);
    expect(statusesOf(report.entries)).toEqual({
      ok: 'ok',
      chain: 'redirected',
      short: 'redirected',
      missing: 'broken',
      gone: 'broken',
      flaky: 'ok',
      loop: 'broken',
      slow: 'timeout',
      refused: 'unreachable',
      private: 'blocked',
    });
    expect(report.counts).toEqual({
      ok: 2,
      redirected: 2,
      timeout: 1,
      unreachable: 1,
      error: 0,
      broken: 3,
      blocked: 1,
    });
    const blocked = report.entries.find((e) => e.resourceId === ids.get('private'))!;
    expect(blocked).toMatchObject({ attempts: 1, httpStatus: null });
    expect(blocked.error).toMatch(/^Address not allowed: 127\.0\.0\.2:\d+: .*loopback/);
    const short = report.entries.find((e) => e.resourceId === ids.get('short'))!;
    expect(short.finalUrl).toBe(`${server.base}/ok`);
    const missing = report.entries.find((e) => e.resourceId === ids.get('missing'))!;
    expect(missing).toMatchObject({ httpStatus: 404, attempts: 2 });
  });

  it('confirms the timeout and the refused connection as broken on the second run', async () => {
    const report = await t.services().links.checkAll(curator, { ...options, onlyFailing: true });
    // Only the links whose latest result failed were checked again.
    expect(statusesOf(report.entries)).toEqual({
      missing: 'broken',
      gone: 'broken',
      loop: 'broken',
      slow: 'broken',
      refused: 'broken',
    });
  });

  it('keeps the history and shows the latest result as the health', async () => {
    const links = t.services().links;
    const health = await links.linkHealth([ids.get('slow')!, ids.get('ok')!, ids.get('archived')!]);
    expect(health.get(ids.get('slow')!)).toMatchObject({ status: 'broken', attempts: 2 });
    expect(health.get(ids.get('ok')!)).toMatchObject({ status: 'ok', httpStatus: 200 });
    expect(health.has(ids.get('archived')!)).toBe(false);
    const history = await links.history([ids.get('slow')!, ids.get('ok')!], 10);
    expect(history.get(ids.get('slow')!)!.map((c) => c.status)).toEqual(['broken', 'timeout']);
    expect(history.get(ids.get('ok')!)!.map((c) => c.status)).toEqual(['ok']);
    const chain = (await links.linkHealth([ids.get('short')!])).get(ids.get('short')!)!;
    expect(chain.redirects.map((r) => r.status)).toEqual([301, 301, 308, 302]);
    expect(chain.finalUrl).toBe(`${server.base}/ok`);
    expect((await links.history([ids.get('slow')!], 1)).get(ids.get('slow')!)).toHaveLength(1);
  });

  it('filters resource lists by link health', async () => {
    const resources = t.services().resources;
    const [broken, brokenTotal] = await resources.list({ broken: true });
    expect(brokenTotal).toBe(5);
    expect(broken.map((r) => r.id).sort()).toEqual(
      ['missing', 'gone', 'loop', 'slow', 'refused'].map((n) => ids.get(n)!).sort(),
    );
    const [, healthyTotal] = await resources.list({ broken: false });
    expect(healthyTotal).toBe(5);
    const [page] = await resources.list({ broken: true }, { limit: 2 });
    expect(page).toHaveLength(2);
  });

  it('lets a link recover, and checks only the resources asked for', async () => {
    const system = systemActor('test');
    const report = await t
      .services()
      .links.checkResources(system, [ids.get('flaky')!, ids.get('archived')!, 999_999], options);
    // The flaky endpoint has used up its failures: ok at once; archived and unknown are skipped.
    expect(report.entries.map((e) => [e.resourceId, e.status])).toEqual([
      [ids.get('flaky')!, 'ok'],
    ]);
  });

  it('stores a refused address as blocked, and does not take it for a failure', async () => {
    const health = await t.services().links.linkHealth([ids.get('private')!]);
    expect(health.get(ids.get('private')!)).toMatchObject({ status: 'blocked', attempts: 1 });
  });

  it('asked only loopback addresses, and every request came from loopback', () => {
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((href) => !isLoopback(new URL(href)))).toEqual([]);
    expect(server.requests.filter((r) => !isLoopbackPeer(r.remoteAddress))).toEqual([]);
  });
});
