/**
 * The outbound guard against server-side request forgery, against real HTTP servers on
 * 127.0.0.1 and 127.0.0.2. Every refusal is shown to happen before a connection: the servers
 * record every request, and a refused address throws `AddressNotAllowed`, never the error of
 * a failed connection. No test reaches beyond loopback.
 */
import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compilePolicy,
  nonPublicRange,
  outboundPolicyFromEnv,
  parseAllowEntry,
  refusalOf,
} from './address-policy.js';
import {
  AddressNotAllowed,
  Outbound,
  type OutboundOptions,
  OutboundError,
  type ResolvedAddress,
} from './outbound.js';

interface PageServer {
  host: string;
  port: number;
  base: string;
  requests: string[];
  close(): Promise<void>;
}

/** A page server: `/page` (HTML), `/to?url=…` (302 there), `/big` (2 MB), `/never` (no answer). */
async function startPageServer(host: string): Promise<PageServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} host=${req.headers.host}`);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Sisäinen sivu</title>');
    } else if (url.pathname === '/to') {
      res.writeHead(302, { location: url.searchParams.get('url') ?? '/' }).end();
    } else if (url.pathname === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.alloc(2 * 1024 * 1024, 97));
    } else if (url.pathname === '/never') {
      // Never answers: a time limit is the only way out, however busy the machine is.
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host,
    port,
    base: `http://${host}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let first: PageServer;
let second: PageServer;
const logged: string[] = [];

/** An outbound guard whose refusals go to `logged`; strict unless a policy is given. */
function guard(options: OutboundOptions = {}): Outbound {
  return new Outbound({ policy: {}, log: (line) => logged.push(line), ...options });
}

/** The guard the tests that need a server use: 127.0.0.1 on the first server's port only. */
function allowFirst(options: OutboundOptions = {}): Outbound {
  return guard({ policy: { allowHosts: [`127.0.0.1:${first.port}`] }, ...options });
}

async function refusal(outbound: Outbound, url: string): Promise<AddressNotAllowed> {
  const error = await outbound.request(url, { timeoutMs: 30_000 }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, url).toBeInstanceOf(AddressNotAllowed);
  return error as AddressNotAllowed;
}

beforeAll(async () => {
  first = await startPageServer('127.0.0.1');
  second = await startPageServer('127.0.0.2');
});
afterAll(async () => {
  await first.close();
  await second.close();
});

describe('the outbound guard refuses addresses that are not public', () => {
  // Each on the port of a live server where there is one, so that a request that got through
  // would be answered (and recorded), not merely fail to connect.
  const table = (): [string, RegExp][] => [
    [`http://127.0.0.1:${first.port}/page`, /127\.0\.0\.1 is not a public address \(loopback\)/],
    [`http://127.1.2.3/`, /loopback/],
    [`http://127.0.0.2:${second.port}/page`, /loopback/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://10.1.2.3/', /private/],
    ['http://172.16.5.4/', /private/],
    ['http://172.31.255.255/', /private/],
    ['http://192.168.1.1/', /private/],
    ['http://169.254.169.254/latest/meta-data/', /linkLocal/],
    ['http://100.64.0.1/', /carrierGradeNat/],
    ['http://224.0.0.1/', /multicast/],
    ['http://255.255.255.255/', /broadcast/],
    ['http://192.0.2.10/', /reserved/],
    ['http://[::1]/', /::1 is not a public address \(loopback\)/],
    ['http://[::]/', /unspecified/],
    ['http://[fe80::1]/', /linkLocal/],
    ['http://[fc00::1]/', /uniqueLocal/],
    ['http://[fd12:3456::1]/', /uniqueLocal/],
    ['http://[ff02::1]/', /multicast/],
    // IPv4-mapped IPv6, in both notations (the URL parser writes the second as the first).
    ['http://[::ffff:127.0.0.1]/', /ipv4Mapped/],
    ['http://[::ffff:7f00:1]/', /ipv4Mapped/],
    ['http://[::ffff:169.254.169.254]/', /ipv4Mapped/],
    // NAT64, 6to4, Teredo and IPv4-compatible forms of 127.0.0.1.
    ['http://[64:ff9b::7f00:1]/', /rfc6052/],
    ['http://[2002:7f00:1::1]/', /6to4/],
    ['http://[2001::1]/', /teredo/],
    ['http://[::127.0.0.1]/', /reserved/],
    // Decimal, hexadecimal, octal and short IPv4 forms: all 127.0.0.1 to the URL parser.
    [`http://2130706433:${first.port}/page`, /127\.0\.0\.1 is not a public address/],
    [`http://0x7f.1:${first.port}/page`, /127\.0\.0\.1 is not a public address/],
    [`http://0x7f000001:${first.port}/page`, /127\.0\.0\.1 is not a public address/],
    [`http://0177.0.0.1:${first.port}/page`, /127\.0\.0\.1 is not a public address/],
    [`http://127.1:${first.port}/page`, /127\.0\.0\.1 is not a public address/],
    // A name that resolves to loopback (the system resolver: /etc/hosts).
    ['http://localhost/', /localhost resolves to .* is not a public address \(loopback\)/],
  ];

  it('refuses each address family before connecting, and logs the host and why', async () => {
    const outbound = guard({ policy: { allowPorts: [first.port, second.port] } });
    const before = first.requests.length + second.requests.length;
    for (const [url, reason] of table()) {
      logged.length = 0;
      const error = await refusal(outbound, url);
      expect(error.code).toBe('ADDRESS_NOT_ALLOWED');
      expect(error.reason, url).toMatch(reason);
      expect(logged, url).toEqual([`outbound: refused ${new URL(url).host}: ${error.reason}`]);
    }
    expect(first.requests.length + second.requests.length).toBe(before);
  });

  it('refuses other schemes, credentials in the address and non-standard ports', async () => {
    const outbound = guard();
    for (const [url, reason] of [
      ['ftp://example.org/file.txt', /ftp: is not http\(s\)/],
      ['file:///etc/passwd', /file: is not http\(s\)/],
      ['gopher://example.org/', /gopher: is not http\(s\)/],
      ['http://user:secret@example.org/', /credentials/],
      // Refused before the name is resolved: no DNS query leaves the machine.
      ['http://example.org:8080/', /port 8080 is not allowed/],
      ['https://example.org:22/', /port 22 is not allowed/],
    ] as const) {
      expect((await refusal(outbound, url)).reason, url).toMatch(reason);
    }
  });

  it('refuses a name when any of its addresses is not public', async () => {
    const resolve = (): Promise<ResolvedAddress[]> =>
      Promise.resolve([
        { address: '93.184.215.14', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ]);
    const error = await refusal(guard({ resolve }), 'http://mixed.example/');
    expect(error.reason).toBe(
      'mixed.example resolves to 10.0.0.7 is not a public address (private)',
    );
  });

  it('does not allow 127.0.0.1 by default, nor from an empty environment', async () => {
    expect(outboundPolicyFromEnv({})).toEqual({ allowHosts: [], allowPorts: [] });
    await refusal(new Outbound({ log: () => undefined }), `${first.base}/page`);
  });
});

describe('the explicit allowance', () => {
  it('lets a test ask its own server on 127.0.0.1, on the port allowed only', async () => {
    const answer = await allowFirst().request(`${first.base}/page`);
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toContain('Sisäinen sivu');
    const other = await startPageServer('127.0.0.1');
    try {
      expect((await refusal(allowFirst(), `${other.base}/page`)).reason).toBe(
        `port ${other.port} is not allowed`,
      );
      expect(other.requests).toEqual([]);
    } finally {
      await other.close();
    }
    // Other loopback addresses stay refused; so does IPv4-mapped 127.0.0.1 on that port.
    await refusal(allowFirst(), `http://127.0.0.2:${first.port}/page`);
    await refusal(allowFirst(), `http://[::ffff:127.0.0.1]:${first.port}/page`);
  });

  it('connects to the address it checked, resolving the name once', async () => {
    // A resolver that would rebind: the first answer is the allowed server, any later one the
    // metadata service. The request still reaches the first, and the name is resolved once.
    let calls = 0;
    const resolve = (): Promise<ResolvedAddress[]> => {
      calls++;
      return Promise.resolve([
        { address: calls === 1 ? '127.0.0.1' : '169.254.169.254', family: 4 },
      ]);
    };
    const answer = await allowFirst({ resolve }).request(`http://sivut.test:${first.port}/page`);
    expect(answer.status).toBe(200);
    expect(calls).toBe(1);
    expect(first.requests.at(-1)).toBe(`GET /page host=sivut.test:${first.port}`);
  });

  it('reads the environment: OUTBOUND_ALLOW_HOSTS and OUTBOUND_ALLOW_PORTS', () => {
    expect(
      outboundPolicyFromEnv({
        OUTBOUND_ALLOW_HOSTS: '127.0.0.1:4321, [::1]:8080 10.0.0.0/8',
        OUTBOUND_ALLOW_PORTS: '8080,8443',
      }),
    ).toEqual({
      allowHosts: ['127.0.0.1:4321', '[::1]:8080', '10.0.0.0/8'],
      allowPorts: [8080, 8443],
    });
    expect(() => outboundPolicyFromEnv({ OUTBOUND_ALLOW_HOSTS: 'localhost' })).toThrow(
      /"localhost".*give addresses, not host names/,
    );
    expect(() => outboundPolicyFromEnv({ OUTBOUND_ALLOW_PORTS: '80a' })).toThrow(/Not a port/);
    expect(() => parseAllowEntry('127.0.0.1:70000')).toThrow(/Not a port/);
  });

  it('allows a block or a bare address on the ports otherwise allowed', () => {
    const compiled = compilePolicy({ allowHosts: ['10.0.0.0/8', '::1'], allowPorts: [8080] });
    expect(refusalOf('10.9.8.7', 80, compiled)).toBeNull();
    expect(refusalOf('10.9.8.7', 8080, compiled)).toBeNull();
    expect(refusalOf('10.9.8.7', 9000, compiled)).toMatch(/private/);
    expect(refusalOf('::1', 443, compiled)).toBeNull();
    expect(refusalOf('93.184.215.14', 8080, compiled)).toBeNull();
    expect(refusalOf('93.184.215.14', 9000, compiled)).toBe('port 9000 is not allowed');
    expect(nonPublicRange('2606:4700:4700::1111')).toBeNull();
    expect(nonPublicRange('8.8.8.8')).toBeNull();
  });
});

describe('redirects, size and time', () => {
  it('checks every redirect hop: a redirect to a private address is refused unasked', async () => {
    const outbound = allowFirst();
    const before = second.requests.length;
    for (const target of [
      `${second.base}/page`,
      `http://[::1]:${first.port}/page`,
      'http://169.254.169.254/latest/meta-data/',
      `http://2130706433:${second.port}/page`,
    ]) {
      const error = await outbound
        .fetch(`${first.base}/to?url=${encodeURIComponent(target)}`, { timeoutMs: 30_000 })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error, target).toBeInstanceOf(AddressNotAllowed);
    }
    expect(second.requests.length).toBe(before);
    // An allowed hop is followed and recorded.
    const followed = await outbound.fetch(`${first.base}/to?url=/page`);
    expect(followed.status).toBe(200);
    expect(followed.redirects).toEqual([
      { url: `${first.base}/to?url=/page`, status: 302, location: `${first.base}/page` },
    ]);
    // `request` itself never follows one.
    const hop = await outbound.request(`${first.base}/to?url=${encodeURIComponent(second.base)}`);
    expect(hop).toMatchObject({ status: 302, location: second.base });
  });

  it('gives up after the redirects allowed', async () => {
    const url = `${first.base}/to?url=${encodeURIComponent(`${first.base}/to?url=/page`)}`;
    const error = await allowFirst()
      .fetch(url, { maxRedirects: 1, timeoutMs: 30_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).code).toBe('TOO_MANY_REDIRECTS');
  });

  it('reads at most maxBytes of a body', async () => {
    const answer = await allowFirst().request(`${first.base}/big`, { maxBytes: 64 * 1024 });
    expect(answer.body.byteLength).toBe(64 * 1024);
    expect(answer.truncated).toBe(true);
  });

  it('abandons a server that never answers after the time allowed', async () => {
    const error = await allowFirst()
      .request(`${first.base}/never`, { timeoutMs: 300 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).code).toBe('TIMEOUT');
  });

  it('reports a name that does not resolve as unreachable', async () => {
    const resolve = () =>
      Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    const error = await guard({ resolve })
      .request('http://ei-ole.test/')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNREACHABLE' });
    expect((error as Error).message).toMatch(/ENOTFOUND/);
  });
});
