/**
 * The one way out to the network: every outbound HTTP request of the application (link checks,
 * link previews, and any e-mail or webhook to come) goes through `Outbound`, so that a curator's
 * address can never make the server ask something on its own network (server-side request
 * forgery: 127.0.0.1, the cloud metadata service at 169.254.169.254, 10.x, a name that
 * resolves there, or a redirect that leads there).
 *
 * For every request, redirects included (`fetch` follows them one hop at a time, each checked
 * again), it
 * 1. accepts http(s) only, no user name or password in the address, ports 80 and 443 only (or
 *    ports the policy allows);
 * 2. resolves the name first, every address of it, and refuses the request when any address is
 *    not public (see `address-policy.ts`);
 * 3. connects to the addresses it checked and no other: node:http(s) gets a `lookup` that
 *    answers with those addresses, so a second DNS answer (rebinding) cannot slip in between
 *    the check and the connection; no connection is pooled or reused;
 * 4. caps the time of the whole request (name resolution, connection, headers and body), the
 *    bytes of the body it reads, and the redirects it follows.
 * A refusal is logged in one line (the host and why) and thrown as `AddressNotAllowed`, with
 * the stable code `ADDRESS_NOT_ALLOWED`, before any connection is made.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { type IncomingHttpHeaders, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type LookupFunction, isIP } from 'node:net';
import {
  type OutboundPolicy,
  compilePolicy,
  outboundPolicyFromEnv,
  portMayBeAllowed,
  refusalOf,
} from './address-policy.js';

/** Stable codes of the ways an outbound request can fail. */
export type OutboundErrorCode =
  | 'ADDRESS_NOT_ALLOWED'
  | 'INVALID_URL'
  | 'TIMEOUT'
  | 'UNREACHABLE'
  | 'TOO_MANY_REDIRECTS'
  | 'BAD_REDIRECT';

/** An outbound request that failed, with a stable code. */
export class OutboundError extends Error {
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OutboundError';
  }
}

/** The guard refused the address: nothing was sent, no connection was made. */
export class AddressNotAllowed extends OutboundError {
  constructor(
    /** The host (and port) of the refused address, as written in it. */
    readonly host: string,
    /** Why, in words (e.g. `169.254.169.254 is not a public address (linkLocal)`). */
    readonly reason: string,
  ) {
    super('ADDRESS_NOT_ALLOWED', `Address not allowed: ${host}: ${reason}`);
    this.name = 'AddressNotAllowed';
  }
}

/** One address a name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (the system resolver by default). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

export interface OutboundOptions {
  /** What may be asked beyond public addresses on ports 80 and 443 (default: the environment's, `outboundPolicyFromEnv`). */
  policy?: Partial<OutboundPolicy>;
  /** How names are resolved (default: the system's resolver, as `getaddrinfo`). */
  resolve?: Resolver;
  /** Where refusals are written, one line each (default: `console.warn`). */
  log?: (line: string) => void;
  /** The default `User-Agent` header. */
  userAgent?: string;
}

/** Limits of one request. */
export interface OutboundRequestOptions {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  /** Milliseconds for the whole request: resolving, connecting, headers and body (default 10 s). */
  timeoutMs?: number;
  /** Body bytes read at most (default 1 MiB); 0 reads none. A longer body is cut (`truncated`). */
  maxBytes?: number;
}

/** Limits of a request that follows redirects. */
export interface OutboundFetchOptions extends OutboundRequestOptions {
  /** Redirects followed at most (default 5); the time limit covers them all. */
  maxRedirects?: number;
}

/** The answer to one request. */
export interface OutboundResponse {
  /** The address that answered. */
  url: URL;
  status: number;
  headers: IncomingHttpHeaders;
  /** The `Location` header; null when there is none. */
  location: string | null;
  /** The body read, at most `maxBytes`. */
  body: Buffer;
  /** Whether the body was longer than `maxBytes` and cut there. */
  truncated: boolean;
}

/** A redirect `fetch` followed. */
export interface OutboundRedirect {
  url: string;
  status: number;
  location: string;
}

/** The final answer of `fetch`, with the redirects that led to it. */
export interface OutboundFetchResponse extends OutboundResponse {
  redirects: OutboundRedirect[];
}

export const OUTBOUND_DEFAULTS = {
  timeoutMs: 10_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'AKE-tietopankki/1.0 (a library knowledge base)',
} as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** The host name of a URL without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

function parseUrl(input: string | URL): URL {
  if (input instanceof URL) return input;
  try {
    return new URL(input.trim());
  } catch {
    throw new OutboundError('INVALID_URL', `Not an absolute address: ${input}`);
  }
}

/** The system error code of a failed connection, in the message when it is not there yet. */
function unreachable(error: unknown, host: string): OutboundError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const text =
    typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
  return new OutboundError('UNREACHABLE', `${host}: ${text}`, { cause: error });
}

/** Runs `work` within `ms`, or fails with TIMEOUT (the work is abandoned, not cancelled). */
async function within<T>(ms: number, host: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new OutboundError('TIMEOUT', `No answer from ${host} in ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The guarded HTTP client. One instance can serve any number of requests at once. */
export class Outbound {
  private readonly compiled: ReturnType<typeof compilePolicy>;
  private readonly resolve: Resolver;
  private readonly log: (line: string) => void;
  readonly userAgent: string;

  constructor(options: OutboundOptions = {}) {
    this.compiled = compilePolicy(options.policy ?? outboundPolicyFromEnv());
    this.resolve = options.resolve ?? systemResolver;
    this.log = options.log ?? ((line) => console.warn(line));
    this.userAgent = options.userAgent ?? OUTBOUND_DEFAULTS.userAgent;
  }

  private refuse(url: URL, reason: string): never {
    this.log(`outbound: refused ${url.host || url.href}: ${reason}`);
    throw new AddressNotAllowed(url.host || url.href, reason);
  }

  /**
   * Checks an address without sending anything: throws `AddressNotAllowed` when it may not be
   * asked, `OutboundError` (UNREACHABLE) when its name does not resolve; else returns the
   * addresses it resolved to, every one of them allowed.
   */
  async vet(input: string | URL): Promise<ResolvedAddress[]> {
    const url = parseUrl(input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      this.refuse(url, `${url.protocol} is not http(s)`);
    }
    if (url.username || url.password) this.refuse(url, 'the address carries credentials');
    const port = portOf(url);
    // Before resolving: a port nothing allows needs no DNS answer to be refused.
    if (!portMayBeAllowed(port, this.compiled)) this.refuse(url, `port ${port} is not allowed`);
    const host = bareHost(url);
    let addresses: ResolvedAddress[];
    if (isIP(host)) {
      addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
    } else {
      try {
        addresses = await this.resolve(host);
      } catch (error) {
        throw unreachable(error, host);
      }
      if (!addresses.length) {
        throw new OutboundError('UNREACHABLE', `${host}: the name has no addresses`);
      }
    }
    for (const { address } of addresses) {
      const refusal = refusalOf(address, port, this.compiled);
      if (refusal) {
        this.refuse(
          url,
          addresses.length === 1 && address === host ? refusal : `${host} resolves to ${refusal}`,
        );
      }
    }
    return addresses;
  }

  /** One request, no redirects followed (a 3xx is the answer; `location` says where). */
  async request(
    input: string | URL,
    options: OutboundRequestOptions = {},
  ): Promise<OutboundResponse> {
    const url = parseUrl(input);
    const timeoutMs = options.timeoutMs ?? OUTBOUND_DEFAULTS.timeoutMs;
    const started = Date.now();
    const addresses = await within(timeoutMs, url.host, this.vet(url));
    return this.send(url, addresses, options, Math.max(1, timeoutMs - (Date.now() - started)));
  }

  /**
   * A request that follows redirects, checking every hop as the first (a redirect to a
   * private address is refused before it is asked). 303 and a redirected HEAD/GET go on with
   * the same method; the time limit covers the whole chain.
   */
  async fetch(
    input: string | URL,
    options: OutboundFetchOptions = {},
  ): Promise<OutboundFetchResponse> {
    const maxRedirects = options.maxRedirects ?? OUTBOUND_DEFAULTS.maxRedirects;
    const timeoutMs = options.timeoutMs ?? OUTBOUND_DEFAULTS.timeoutMs;
    const deadline = Date.now() + timeoutMs;
    const redirects: OutboundRedirect[] = [];
    let current = parseUrl(input);
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new OutboundError('TIMEOUT', `No answer from ${current.host} in ${timeoutMs} ms`);
      }
      const response = await this.request(current, { ...options, timeoutMs: left });
      if (!REDIRECT_STATUSES.has(response.status) || response.location === null) {
        return { ...response, redirects };
      }
      let target: URL;
      try {
        target = new URL(response.location, current);
      } catch {
        throw new OutboundError(
          'BAD_REDIRECT',
          `Redirect to an invalid address: ${response.location}`,
        );
      }
      redirects.push({ url: current.href, status: response.status, location: target.href });
      if (redirects.length > maxRedirects) {
        throw new OutboundError('TOO_MANY_REDIRECTS', `More than ${maxRedirects} redirects`);
      }
      current = target;
    }
  }

  /** Sends the request to the vetted addresses only, within the time and size limits. */
  private send(
    url: URL,
    addresses: readonly ResolvedAddress[],
    options: OutboundRequestOptions,
    timeoutMs: number,
  ): Promise<OutboundResponse> {
    const method = options.method ?? 'GET';
    const maxBytes = options.maxBytes ?? OUTBOUND_DEFAULTS.maxBytes;
    // Answers node's `lookup` with the addresses checked, whatever name it asks for.
    const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
      const family =
        lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
      const usable = addresses.filter((a) => family === 0 || a.family === family);
      const first = usable[0];
      if (!first) {
        callback(Object.assign(new Error(`No IPv${family} address`), { code: 'ENOTFOUND' }), '', 0);
      } else if (lookupOptions.all) {
        (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, usable);
      } else {
        callback(null, first.address, first.family);
      }
    };
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<OutboundResponse>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, response?: OutboundResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(response!);
      };
      const req = request(
        {
          protocol: url.protocol,
          hostname: bareHost(url),
          port: portOf(url),
          path: `${url.pathname}${url.search}`,
          method,
          headers: { 'user-agent': this.userAgent, accept: '*/*', ...options.headers },
          // A connection of its own, never pooled: no socket of another request is reused.
          agent: false,
          lookup,
        },
        (res: IncomingMessage) => {
          const answer = (body: Buffer, truncated: boolean): OutboundResponse => ({
            url,
            status: res.statusCode ?? 0,
            headers: res.headers,
            location: typeof res.headers.location === 'string' ? res.headers.location : null,
            body,
            truncated,
          });
          if (method === 'HEAD' || maxBytes === 0) {
            res.destroy();
            finish(null, answer(Buffer.alloc(0), false));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            size += chunk.byteLength;
            if (size >= maxBytes) {
              res.destroy();
              finish(null, answer(Buffer.concat(chunks).subarray(0, maxBytes), size > maxBytes));
            }
          });
          res.on('end', () => finish(null, answer(Buffer.concat(chunks), false)));
          res.on('error', (error) => finish(unreachable(error, url.host)));
        },
      );
      const timer = setTimeout(() => {
        finish(new OutboundError('TIMEOUT', `No answer from ${url.host} in ${timeoutMs} ms`));
        req.destroy();
      }, timeoutMs);
      req.on('error', (error) => finish(unreachable(error, url.host)));
      req.end();
    });
  }
}
