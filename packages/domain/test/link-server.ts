/**
 * A real HTTP server for link-checker tests and benchmarks, on a loopback address only. Every
 * answer the checker has to understand has a path; every request is recorded with the address
 * it came from, and the most requests in flight at once are counted (per server, and across
 * servers sharing a counter), so tests can show the limits held and nothing left loopback.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Outbound } from '../src/modules/outbound/outbound.js';

/** Requests in flight, shared by servers that stand for several hosts. */
export class InFlightCounter {
  current = 0;
  max = 0;
  enter(): void {
    this.current++;
    this.max = Math.max(this.max, this.current);
  }
  leave(): void {
    this.current--;
  }
}

export interface RecordedRequest {
  method: string;
  path: string;
  remoteAddress: string;
}

export interface LinkTestServer {
  /** `http://127.0.0.1:PORT` (or the host asked for). */
  base: string;
  host: string;
  port: number;
  requests: RecordedRequest[];
  /** Requests in flight at this server. */
  inFlight: InFlightCounter;
  close(): Promise<void>;
}

export interface LinkServerOptions {
  /** A loopback address: 127.0.0.1 (default), 127.0.0.2, … */
  host?: string;
  /** Milliseconds every `/delay/…` answer waits. */
  delayMs?: number;
  /** A counter shared with other servers, for the global maximum. */
  shared?: InFlightCounter;
}

/**
 * Paths:
 * - `/ok`, `/delay/*` (after `delayMs`): 200
 * - `/head-refused`: 405 to HEAD, 200 to GET
 * - `/chain/1` → 301 `/chain/2` → 308 `/chain/3` → 302 `/ok`; `/short/x` → 301 `/chain/1`
 * - `/status/N`: status N (404, 410, 500, 403, …)
 * - `/flaky/KEY?fail=N`: 500 to the first N requests for KEY, then 200
 * - `/loop/a` → 301 `/loop/b` → 301 `/loop/a`
 * - `/endless/N` → 302 `/endless/N+1`, forever
 * - `/to-ftp` → 301 `ftp://…`, `/to-mailto` → 302 `mailto:…`
 * - `/slow?ms=N`: waits N ms (default 5000), then 200
 * - `/never`: never answers (a time limit is the only way out, however busy the machine)
 * - `/to?url=U`: 302 to U (any address: the outbound guard must refuse the private ones)
 */
export async function startLinkServer(options: LinkServerOptions = {}): Promise<LinkTestServer> {
  const host = options.host ?? '127.0.0.1';
  const requests: RecordedRequest[] = [];
  const inFlight = new InFlightCounter();
  const flaky = new Map<string, number>();

  const redirect = (res: ServerResponse, status: number, location: string) => {
    res.writeHead(status, { location }).end();
  };
  const later = (req: IncomingMessage, res: ServerResponse, ms: number, status = 200) => {
    const timer = setTimeout(() => {
      if (!res.writableEnded && !res.destroyed) res.writeHead(status).end('ok');
    }, ms);
    req.socket.once('close', () => clearTimeout(timer));
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = url.pathname;
    requests.push({
      method: req.method ?? '',
      path: `${path}${url.search}`,
      remoteAddress: req.socket.remoteAddress ?? '',
    });
    inFlight.enter();
    options.shared?.enter();
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      inFlight.leave();
      options.shared?.leave();
    };
    res.once('finish', leave);
    res.once('close', leave);

    let match: RegExpExecArray | null;
    if (path === '/ok') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    else if (path.startsWith('/delay/')) later(req, res, options.delayMs ?? 0);
    else if (path === '/head-refused') {
      res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    } else if ((match = /^\/chain\/(\d)$/.exec(path))) {
      const n = Number(match[1]);
      if (n === 1) redirect(res, 301, '/chain/2');
      else if (n === 2) redirect(res, 308, `http://${host}:${port}/chain/3`);
      else redirect(res, 302, '/ok');
    } else if (path.startsWith('/short/')) redirect(res, 301, '/chain/1');
    else if ((match = /^\/status\/(\d{3})$/.exec(path))) res.writeHead(Number(match[1])).end();
    else if ((match = /^\/flaky\/(\w+)$/.exec(path))) {
      const key = match[1]!;
      const seen = (flaky.get(key) ?? 0) + 1;
      flaky.set(key, seen);
      res.writeHead(seen <= Number(url.searchParams.get('fail') ?? 1) ? 500 : 200).end();
    } else if (path === '/loop/a') redirect(res, 301, '/loop/b');
    else if (path === '/loop/b') redirect(res, 301, '/loop/a');
    else if ((match = /^\/endless\/(\d+)$/.exec(path))) {
      redirect(res, 302, `/endless/${Number(match[1]) + 1}`);
    } else if (path === '/to-ftp') redirect(res, 301, `ftp://${host}/file.txt`);
    else if (path === '/to-mailto') redirect(res, 302, 'mailto:kirjasto@example.org');
    else if (path === '/slow') later(req, res, Number(url.searchParams.get('ms') ?? 5000));
    else if (path === '/never') return;
    else if (path === '/to') redirect(res, 302, url.searchParams.get('url') ?? '/');
    else res.writeHead(404).end();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://${host}:${port}`,
    host,
    port,
    requests,
    inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback address where nothing listens: a port opened and closed again. */
export async function refusedAddress(host = '127.0.0.1'): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://${host}:${port}/`;
}

/** Whether a URL points at the loopback network (127.0.0.0/8): the only place tests may go. */
export function isLoopback(url: URL): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
}

/** Whether a peer address is a loopback one (IPv4, or IPv4-mapped IPv6). */
export function isLoopbackPeer(address: string): boolean {
  return /^(::ffff:)?127\./.test(address) || address === '::1';
}

/**
 * The outbound guard of these tests: strict, except for the loopback servers (and refused
 * addresses) named, each on its own port only. Refusals are collected in `refusals`.
 */
export function allowOnly(
  targets: readonly (LinkTestServer | string)[],
  refusals: string[] = [],
): Outbound {
  return new Outbound({
    policy: {
      allowHosts: targets.map((t) =>
        typeof t === 'string' ? new URL(t).host : `${t.host}:${t.port}`,
      ),
    },
    log: (line) => refusals.push(line),
  });
}
