import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbound } from '@ake/domain/orm';
import { type TestApi, startTestApi } from './server.js';

interface LinkHealth {
  status: string;
  httpStatus: number | null;
  finalUrl: string | null;
  checkedAt: string;
}

const CHECK = `mutation($ids: [ID!]!) {
  checkLinks(input: { resourceIds: $ids }) {
    resources { id title linkHealth { status httpStatus finalUrl checkedAt redirects { status location } attempts error } }
    errors { field code message }
  }
}`;

const PAGE = `query($first: Int!, $broken: Boolean) {
  resources(first: $first, filter: { broken: $broken }) {
    totalCount
    nodes { id title linkHealth { status httpStatus finalUrl checkedAt } linkChecks(first: 5) { status } }
  }
}`;

describe('link health in the API', () => {
  let api: TestApi;
  let server: Server;
  let base = '';
  const peers: string[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // The links point at a server of the test's own on 127.0.0.1, nowhere else.
    server = createServer((req, res) => {
      peers.push(req.socket.remoteAddress ?? '');
      if (req.url === '/ok') res.writeHead(200).end();
      else if (req.url === '/lyhyt') res.writeHead(301, { location: '/ok' }).end();
      else res.writeHead(410).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The API's outbound guard allows that server's port, and nothing else.
    const outbound = new Outbound({ policy: { allowHosts: [new URL(base).host] } });
    api = await startTestApi({ countStatements: true, outbound });
    for (const [name, url] of [
      ['ok', `${base}/ok`],
      ['short', `${base}/lyhyt`],
      ['gone', `${base}/poistunut`],
      ['private', 'http://192.168.1.1/reititin'],
    ]) {
      const r = await api.gql<{ createResource: { resource: { id: string } } }>(
        `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } errors { message } } }`,
        { input: { url, title: `Linkki ${name}` } },
        api.curatorToken,
      );
      ids[name!] = r.data!.createResource.resource.id;
    }
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await api.close();
  });

  it('has no health before a check', async () => {
    const r = await api.gql<{ node: { linkHealth: null; linkChecks: unknown[] } }>(
      `query($id: ID!) { node(id: $id) { ... on Resource { linkHealth { status } linkChecks { status } } } }`,
      { id: ids.ok },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.node).toEqual({ linkHealth: null, linkChecks: [] });
  });

  it('lets only curators check links now', async () => {
    const anonymous = await api.gql(CHECK, { ids: [ids.ok] });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooMany = await api.gql<{ checkLinks: { errors: { code: string }[] } }>(
      CHECK,
      { ids: Array.from({ length: 21 }, () => ids.ok) },
      api.curatorToken,
    );
    expect(tooMany.data!.checkLinks.errors[0]?.code).toBe('TOO_LARGE');
  });

  it('checks links and shows each one’s health', async () => {
    const r = await api.gql<{
      checkLinks: {
        resources: { id: string; linkHealth: LinkHealth & { redirects: unknown[] } }[];
        errors: unknown[];
      };
    }>(CHECK, { ids: [ids.ok, ids.short, ids.gone] }, api.curatorToken);
    expect(r.errors).toBeUndefined();
    expect(r.data!.checkLinks.errors).toEqual([]);
    const health = Object.fromEntries(
      r.data!.checkLinks.resources.map((res) => [res.id, res.linkHealth]),
    );
    expect(health[ids.ok!]).toMatchObject({
      status: 'OK',
      httpStatus: 200,
      finalUrl: `${base}/ok`,
    });
    expect(health[ids.short!]).toMatchObject({
      status: 'REDIRECTED',
      httpStatus: 200,
      finalUrl: `${base}/ok`,
      redirects: [{ status: 301, location: `${base}/ok` }],
    });
    expect(health[ids.gone!]).toMatchObject({
      status: 'BROKEN',
      httpStatus: 410,
      attempts: 2,
      error: 'HTTP 410',
    });
    expect(health[ids.gone!]!.checkedAt).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$/,
    );
  });

  it('never asks a private address: its link is BLOCKED, after one attempt', async () => {
    const r = await api.gql<{
      checkLinks: {
        resources: { id: string; linkHealth: LinkHealth & { attempts: number; error: string } }[];
      };
    }>(CHECK, { ids: [ids.private] }, api.curatorToken);
    expect(r.errors).toBeUndefined();
    expect(r.data!.checkLinks.resources[0]!.linkHealth).toMatchObject({
      status: 'BLOCKED',
      httpStatus: null,
      attempts: 1,
    });
    expect(r.data!.checkLinks.resources[0]!.linkHealth.error).toMatch(
      /^Address not allowed: 192\.168\.1\.1: .*\(private\)/,
    );
  });

  it('filters resources by broken links', async () => {
    const all = await api.gql<{ resources: { totalCount: number } }>(PAGE, { first: 1 });
    const broken = await api.gql<{
      resources: { totalCount: number; nodes: { id: string; linkHealth: LinkHealth }[] };
    }>(PAGE, { first: 10, broken: true });
    expect(broken.errors).toBeUndefined();
    expect(broken.data!.resources.totalCount).toBe(1);
    expect(broken.data!.resources.nodes.map((n) => n.id)).toEqual([ids.gone]);
    const healthy = await api.gql<{ resources: { totalCount: number } }>(PAGE, {
      first: 1,
      broken: false,
    });
    expect(healthy.data!.resources.totalCount).toBe(all.data!.resources.totalCount - 1);
  });

  it('keeps the history, newest first', async () => {
    await api.gql(CHECK, { ids: [ids.gone] }, api.curatorToken);
    const r = await api.gql<{ node: { linkChecks: { status: string }[] } }>(
      `query($id: ID!) { node(id: $id) { ... on Resource { linkChecks(first: 10) { status } } } }`,
      { id: ids.gone },
    );
    expect(r.data!.node.linkChecks.map((c) => c.status)).toEqual(['BROKEN', 'BROKEN']);
  });

  it('costs the same SQL for a page of 2 or 20 resources with their link health', async () => {
    const count = async (first: number) => {
      const before = api.statements.length;
      const r = await api.gql(PAGE, { first }, api.curatorToken);
      expect(r.errors).toBeUndefined();
      return api.statements.length - before;
    };
    const [small, large] = [await count(2), await count(20)];
    expect(large).toBe(small);
  });

  it('asked nothing but the local server', () => {
    expect(peers.length).toBeGreaterThan(0);
    expect(peers.filter((p) => !/^(::ffff:)?127\./.test(p))).toEqual([]);
  });
});
