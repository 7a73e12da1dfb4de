/**
 * The link checker: asks each address whether it is still there, within limits that keep it
 * polite (a global and a per-host concurrency limit, a timeout per request) and honest (a
 * failure is retried before it counts; redirects are followed here, one hop at a time, so every
 * hop is recorded and none leads outside http(s)).
 *
 * Every request goes through the outbound guard (`../outbound/outbound.ts`), one hop at a
 * time: an address that is not public (127.0.0.1, 10.x, 169.254.169.254, a name resolving
 * there, a redirect leading there) is never asked; the link ends as `blocked`, without retries.
 * HEAD comes first, as it costs the server nothing; many servers refuse or mishandle HEAD (405,
 * 501, 403, or a dropped connection), so any error answer or failure of a HEAD is asked again
 * with GET, whose body is never read. It knows nothing of the database: `LinkCheckService`
 * stores what it reports.
 */
import { Semaphore } from './semaphore.js';
import { type LinkOutcome } from './link-status.js';
import { AddressNotAllowed, Outbound, OutboundError } from '../outbound/outbound.js';

/** The limits and manners of a run. */
export interface LinkCheckerOptions {
  /** Milliseconds a request may take before it is abandoned (per request, i.e. per hop). */
  timeoutMs: number;
  /** How many times a failed link is tried again within the run before the failure counts. */
  retries: number;
  /** Milliseconds to wait before trying a failed link again. */
  retryDelayMs: number;
  /** Requests in flight at most, over all hosts. */
  concurrency: number;
  /** Requests in flight at most to one host name. */
  perHost: number;
  /** Redirects followed at most before giving up. */
  maxRedirects: number;
  /** The `User-Agent` header, so site owners can tell who is asking. */
  userAgent: string;
  /**
   * The guarded HTTP client every request goes through (default: one with the environment's
   * policy, see `outboundPolicyFromEnv`). An address it refuses ends the link as `blocked`.
   */
  outbound?: Outbound;
  /**
   * A further filter of the addresses that may be requested, every hop included (tests use it
   * to prove nothing but loopback is asked). A refused address ends as `blocked`, unasked.
   */
  allowUrl?: (url: URL) => boolean;
}

export const DEFAULT_LINK_CHECKER_OPTIONS: LinkCheckerOptions = {
  timeoutMs: 10_000,
  retries: 1,
  retryDelayMs: 1_000,
  concurrency: 16,
  perHost: 2,
  maxRedirects: 10,
  userAgent: 'AKE-tietopankki-linkcheck/1.0 (link checker of a library knowledge base)',
};

/** One redirect followed: where it was, what it answered, where it pointed. */
export interface LinkRedirect {
  url: string;
  status: number;
  location: string;
}

/** What checking one address found (the last attempt, when all failed). */
export interface LinkProbe {
  url: string;
  outcome: LinkOutcome;
  /** The final HTTP status; null when no answer came. */
  httpStatus: number | null;
  /** The address that gave the final answer (after redirects); null when none did. */
  finalUrl: string | null;
  /** The redirects followed, in order. */
  redirects: LinkRedirect[];
  /** Attempts made: 1 on success at first try, up to 1 + retries. */
  attempts: number;
  /** Milliseconds for the whole check, retries and waits included. */
  durationMs: number;
  /** What went wrong, in words; null on success. */
  error: string | null;
}

type Attempt = Omit<LinkProbe, 'url' | 'attempts' | 'durationMs'>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

function isTimeout(error: unknown): boolean {
  return error instanceof OutboundError && error.code === 'TIMEOUT';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Orders items so that consecutive ones are on different hosts (round robin), so that a run
 * waiting on one busy host still keeps the others busy.
 */
export function interleaveByHost<T extends { url: string }>(items: readonly T[]): T[] {
  const byHost = new Map<string, T[]>();
  for (const item of items) {
    let host: string;
    try {
      host = new URL(item.url).hostname.toLowerCase();
    } catch {
      host = '';
    }
    const list = byHost.get(host);
    if (list) list.push(item);
    else byHost.set(host, [item]);
  }
  const queues = [...byHost.values()];
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++) {
    for (const queue of queues) {
      const item = queue[i];
      if (item) out.push(item);
    }
  }
  return out;
}

/** Checks links over HTTP within the configured limits. */
export class LinkChecker {
  readonly options: LinkCheckerOptions;
  private readonly global: Semaphore;
  private readonly hosts = new Map<string, Semaphore>();
  private readonly outbound: Outbound;

  constructor(options: Partial<LinkCheckerOptions> = {}) {
    const defined = Object.fromEntries(
      Object.entries(options).filter(([, value]) => value !== undefined),
    );
    this.options = { ...DEFAULT_LINK_CHECKER_OPTIONS, ...defined };
    const { timeoutMs, retries, retryDelayMs, concurrency, perHost, maxRedirects } = this.options;
    for (const [name, value, min] of [
      ['timeoutMs', timeoutMs, 1],
      ['retries', retries, 0],
      ['retryDelayMs', retryDelayMs, 0],
      ['concurrency', concurrency, 1],
      ['perHost', perHost, 1],
      ['maxRedirects', maxRedirects, 0],
    ] as const) {
      if (!Number.isInteger(value) || value < min) {
        throw new RangeError(`${name} must be a whole number of at least ${min} (got ${value})`);
      }
    }
    this.global = new Semaphore(concurrency);
    this.outbound = this.options.outbound ?? new Outbound();
  }

  /**
   * Checks many links, calling `onResult` as each one finishes (in finishing order). Links are
   * taken host by host in turn; the limits hold for every request, whatever the order.
   */
  async checkMany<T extends { url: string }>(
    items: readonly T[],
    onResult: (item: T, probe: LinkProbe) => void | Promise<void>,
  ): Promise<void> {
    const queue = interleaveByHost(items);
    let next = 0;
    // Links in progress at most: enough to keep every host's slots busy while others wait
    // out a retry delay, without holding thousands of pending promises.
    const workers = Math.min(queue.length, Math.max(64, this.options.concurrency * 4));
    const work = async () => {
      for (let item = queue[next++]; item; item = queue[next++]) {
        await onResult(item, await this.check(item.url));
      }
    };
    await Promise.all(Array.from({ length: workers }, work));
  }

  /** Checks one address: attempts until one succeeds or the retries are spent. */
  async check(url: string): Promise<LinkProbe> {
    const started = performance.now();
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      // handled below
    }
    if (!parsed || !isHttp(parsed)) {
      return {
        url,
        outcome: 'invalid_url',
        httpStatus: null,
        finalUrl: null,
        redirects: [],
        attempts: 0,
        durationMs: 0,
        error: 'Not an absolute http(s) address',
      };
    }
    let attempts = 0;
    let attempt: Attempt;
    for (;;) {
      attempts++;
      attempt = await this.attempt(parsed);
      // A refused address stays refused: it is not asked again.
      const final = attempt.outcome === 'ok' || attempt.outcome === 'blocked';
      if (final || attempts > this.options.retries) break;
      await sleep(this.options.retryDelayMs);
    }
    return { url, ...attempt, attempts, durationMs: Math.round(performance.now() - started) };
  }

  /** One attempt: request, and follow redirects hop by hop, recording each. */
  private async attempt(start: URL): Promise<Attempt> {
    const redirects: LinkRedirect[] = [];
    const visited = new Set<string>([start.href]);
    const failed = (outcome: LinkOutcome, error: string, httpStatus: number | null = null) => ({
      outcome,
      httpStatus,
      finalUrl: null,
      redirects,
      error,
    });
    let current = start;
    for (;;) {
      if (this.options.allowUrl && !this.options.allowUrl(current)) {
        return failed('blocked', `Not allowed to request ${current.href}`);
      }
      let answer: { status: number; location: string | null };
      try {
        answer = await this.request(current);
      } catch (error) {
        if (error instanceof AddressNotAllowed) return failed('blocked', error.message);
        if (isTimeout(error)) {
          return failed(
            'timeout',
            `No answer from ${current.host} in ${this.options.timeoutMs} ms`,
          );
        }
        return failed('unreachable', error instanceof Error ? error.message : String(error));
      }
      const { status, location } = answer;
      if (REDIRECT_STATUSES.has(status) && location) {
        let target: URL;
        try {
          target = new URL(location, current);
        } catch {
          return failed('bad_redirect', `Redirect to an invalid address: ${location}`, status);
        }
        redirects.push({ url: current.href, status, location: target.href });
        if (!isHttp(target)) {
          return failed(
            'bad_redirect',
            `Redirect to a non-http(s) address: ${target.href}`,
            status,
          );
        }
        if (visited.has(target.href)) {
          return failed('redirect_loop', `Redirect loop back to ${target.href}`, status);
        }
        if (redirects.length > this.options.maxRedirects) {
          return failed(
            'too_many_redirects',
            `More than ${this.options.maxRedirects} redirects`,
            status,
          );
        }
        visited.add(target.href);
        current = target;
        continue;
      }
      const outcome: LinkOutcome =
        status >= 200 && status < 300
          ? 'ok'
          : status === 404 || status === 410
            ? 'gone'
            : 'http_error';
      return {
        outcome,
        httpStatus: status,
        finalUrl: current.href,
        redirects,
        error: outcome === 'ok' ? null : `HTTP ${status}`,
      };
    }
  }

  /**
   * One address, HEAD first and GET when HEAD answers with an error or fails (but not when it
   * timed out, as a GET would only wait as long again, nor when the address was refused).
   */
  private async request(url: URL): Promise<{ status: number; location: string | null }> {
    let head: { status: number; location: string | null } | null = null;
    try {
      head = await this.send(url, 'HEAD');
    } catch (error) {
      if (isTimeout(error) || error instanceof AddressNotAllowed) throw error;
    }
    if (head && head.status < 400) return head;
    return this.send(url, 'GET');
  }

  /** One request within the limits: the host's slot first, then a global one. */
  private async send(
    url: URL,
    method: 'HEAD' | 'GET',
  ): Promise<{ status: number; location: string | null }> {
    const hostName = url.hostname.toLowerCase();
    let host = this.hosts.get(hostName);
    if (!host) {
      host = new Semaphore(this.options.perHost);
      this.hosts.set(hostName, host);
    }
    // Host first: a request waiting for its host holds no global slot, so one slow host
    // cannot starve the others.
    await host.acquire();
    await this.global.acquire();
    try {
      // Headers only: the body is never read (the connection is closed after them).
      const response = await this.outbound.request(url, {
        method,
        timeoutMs: this.options.timeoutMs,
        maxBytes: 0,
        headers: { 'user-agent': this.options.userAgent, accept: '*/*' },
      });
      return { status: response.status, location: response.location };
    } finally {
      this.global.release();
      host.release();
      if (host.idle) this.hosts.delete(hostName);
    }
  }
}
