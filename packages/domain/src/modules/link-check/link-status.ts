/**
 * What a link check concludes, and the rule that calls a link broken. Pure functions, no I/O:
 * the checker (`link-checker.ts`) reports what happened on the wire, `classify` decides what it
 * means given the previous result, so the rule can be read and tested on its own.
 */

/**
 * The status of a link after a check:
 * - `ok`: answered 2xx at the address itself;
 * - `redirected`: answered 2xx after following redirects (`finalUrl` says where);
 * - `timeout`, `unreachable`, `error`: failed this time (no answer in time; no connection;
 *   an unexpected answer such as 5xx, 403 or 429), not yet confirmed;
 * - `broken`: a confirmed failure (see `classify`);
 * - `blocked`: never asked, because the address (or a redirect on the way) is not public
 *   (127.0.0.1, 10.x, 169.254.169.254, …) or its port is not allowed: the outbound guard refused
 *   it. Not a failure of the site: the address itself needs a look.
 */
export const LINK_STATUSES = [
  'ok',
  'redirected',
  'timeout',
  'unreachable',
  'error',
  'broken',
  'blocked',
] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** The statuses of a link that did not answer properly. */
export const FAILED_STATUSES: ReadonlySet<LinkStatus> = new Set([
  'timeout',
  'unreachable',
  'error',
  'broken',
]);

/**
 * What one attempt ended in, on the wire:
 * - `ok`: a 2xx answer (after any redirects);
 * - `gone`: 404 or 410;
 * - `http_error`: any other final status (5xx, 403, 429, a 3xx without `Location`, …);
 * - `timeout`: no answer within the timeout;
 * - `unreachable`: no connection (refused, unknown host, reset, TLS failure);
 * - `redirect_loop`: a redirect back to an address already visited;
 * - `too_many_redirects`: more redirects than allowed;
 * - `bad_redirect`: a redirect to something other than http(s), or to an unparsable address;
 * - `blocked`: an address the outbound guard (or `allowUrl`) refused, at the start or at a
 *   redirect: nothing was asked there;
 * - `invalid_url`: the stored address is not an absolute http(s) URL.
 */
export const LINK_OUTCOMES = [
  'ok',
  'gone',
  'http_error',
  'timeout',
  'unreachable',
  'redirect_loop',
  'too_many_redirects',
  'bad_redirect',
  'blocked',
  'invalid_url',
] as const;
export type LinkOutcome = (typeof LINK_OUTCOMES)[number];

/**
 * Outcomes that say the link itself is wrong rather than the server being unwell: when every
 * attempt of a run ends this way (at least two), the link is broken without waiting a run.
 */
const DEFINITIVE: ReadonlySet<LinkOutcome> = new Set([
  'gone',
  'redirect_loop',
  'too_many_redirects',
  'bad_redirect',
]);

/** What `classify` needs to know about this run's result. */
export interface ClassifyInput {
  /** The address checked. */
  url: string;
  /** How the last attempt ended (a run stops at the first success). */
  outcome: LinkOutcome;
  /** How many attempts the run made (1 + retries when all failed). */
  attempts: number;
  /** Whether any redirect was followed on the way to the answer. */
  redirected: boolean;
}

/** What `classify` needs to know about the previous run's result for the same link. */
export interface PreviousCheck {
  url: string;
  status: LinkStatus;
}

/**
 * The status of a link from this run's result and the previous run's. A single failure is never
 * "broken": a link is broken when
 * 1. every attempt of this run (two or more) ended in a definitive failure (404/410, a redirect
 *    loop, too many redirects, a redirect to a non-http(s) address), or
 * 2. this run failed in any way and the previous run of the same address failed too, or
 * 3. the stored address is not a usable http(s) URL (nothing to retry).
 * An address the outbound guard refused is `blocked`, whatever came before.
 * Otherwise a failure is reported as `timeout`, `unreachable` or `error`, and a success as `ok`
 * or `redirected`. A previous result of a different address (the URL was edited) does not count.
 */
export function classify(result: ClassifyInput, previous: PreviousCheck | null): LinkStatus {
  if (result.outcome === 'ok') return result.redirected ? 'redirected' : 'ok';
  if (result.outcome === 'invalid_url') return 'broken';
  if (result.outcome === 'blocked') return 'blocked';
  if (DEFINITIVE.has(result.outcome) && result.attempts >= 2) return 'broken';
  if (previous && previous.url === result.url && FAILED_STATUSES.has(previous.status)) {
    return 'broken';
  }
  if (result.outcome === 'timeout') return 'timeout';
  if (result.outcome === 'unreachable') return 'unreachable';
  return 'error';
}
