/**
 * Link previews: a curator adding a link gets the page's title and description to start from.
 * The page is fetched through the outbound guard (`../outbound/outbound.ts`), so an address
 * that is not public, or a redirect to one, is refused before anything is asked and comes back
 * as `ADDRESS_NOT_ALLOWED`; the HTML is read by htmlparser2 (its entity decoder included), at
 * most `PREVIEW_LIMITS.maxBytes` of it, up to the end of `<head>`.
 */
import { Parser } from 'htmlparser2';
import { type Actor, requireCurator } from '../../shared/actor.js';
import { AddressNotAllowed, Outbound, OutboundError } from '../outbound/outbound.js';

/** What fetching a page may take. */
export const PREVIEW_LIMITS = { timeoutMs: 5_000, maxBytes: 512 * 1024, maxRedirects: 3 } as const;

/** Stable codes of why a preview could not be made. */
export const LINK_PREVIEW_ERROR_CODES = [
  /** The outbound guard refused the address or a redirect on the way (not public, or its port). */
  'ADDRESS_NOT_ALLOWED',
  /** Not an absolute http(s) address. */
  'INVALID_URL',
  /** No connection, an unknown name, a bad redirect or too many of them. */
  'UNREACHABLE',
  /** No answer within the time allowed. */
  'TIMEOUT',
  /** The page answered with an error status (404, 500, …). */
  'HTTP_ERROR',
  /** The answer was not an HTML page. */
  'NOT_HTML',
  /** Previews are turned off (`LINK_PREVIEW=off`). */
  'DISABLED',
] as const;
export type LinkPreviewErrorCode = (typeof LINK_PREVIEW_ERROR_CODES)[number];

/** The title and description found in a page (null when it has none). */
export interface PageSummary {
  title: string | null;
  description: string | null;
}

/** A preview: what the page says about itself, and where it was found. */
export interface LinkPreview extends PageSummary {
  url: string;
  /** The address that answered, after redirects. */
  finalUrl: string;
}

export type LinkPreviewResult =
  | { ok: true; preview: LinkPreview }
  | { ok: false; error: { code: LinkPreviewErrorCode; message: string } };

function clean(text: string | undefined, max: number): string | null {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value.slice(0, max) : null;
}

/**
 * The title (`og:title`, else `<title>`) and description (`description`, else
 * `og:description`) of an HTML document's head, entities decoded. Reading stops at `<body>`,
 * so a `<title>` inside an SVG of the page does not count.
 */
export function parsePreview(html: string): PageSummary {
  const meta = new Map<string, string>();
  let title: string | undefined;
  let inTitle = false;
  let titleText = '';
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (done) return;
        if (name === 'body') {
          done = true;
        } else if (name === 'title' && title === undefined) {
          inTitle = true;
        } else if (name === 'meta') {
          const key = (attributes.property ?? attributes.name)?.toLowerCase();
          if (key && attributes.content !== undefined && !meta.has(key)) {
            meta.set(key, attributes.content);
          }
        }
      },
      ontext(text) {
        if (inTitle) titleText += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          title = titleText;
        } else if (name === 'head') {
          done = true;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return {
    title: clean(meta.get('og:title'), 300) ?? clean(title ?? (inTitle ? titleText : ''), 300),
    description: clean(meta.get('description') ?? meta.get('og:description'), 2000),
  };
}

/** The body as text, in the charset the `Content-Type` names (UTF-8 when none or unknown). */
function decodeBody(body: Buffer, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/** True unless `LINK_PREVIEW` is "off", "0" or "false". */
export function linkPreviewEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(off|0|false)$/i.test(env.LINK_PREVIEW ?? '');
}

/** Fetches previews of pages for curators, through the outbound guard. */
export class LinkPreviewService {
  /** `outbound`: the guarded client (default: one with the environment's policy, made when needed). */
  constructor(
    private readonly outbound?: Outbound,
    private readonly enabled: boolean = linkPreviewEnabled(),
  ) {}

  /** The title and description of the page at `url` (curators, admins and the system only). */
  async preview(actor: Actor, url: string): Promise<LinkPreviewResult> {
    requireCurator(actor);
    const fail = (code: LinkPreviewErrorCode, message: string): LinkPreviewResult => ({
      ok: false,
      error: { code, message },
    });
    if (!this.enabled) return fail('DISABLED', 'Link previews are turned off');
    let start: URL;
    try {
      start = new URL(url.trim());
    } catch {
      return fail('INVALID_URL', 'Not an absolute http(s) address');
    }
    if (start.protocol !== 'http:' && start.protocol !== 'https:') {
      return fail('INVALID_URL', 'Not an absolute http(s) address');
    }
    try {
      const response = await (this.outbound ?? new Outbound()).fetch(start, {
        ...PREVIEW_LIMITS,
        headers: { accept: 'text/html,application/xhtml+xml' },
      });
      if (response.status < 200 || response.status >= 300) {
        return fail('HTTP_ERROR', `The page answered HTTP ${response.status}`);
      }
      const type = String(response.headers['content-type'] ?? '');
      if (!/html/i.test(type)) return fail('NOT_HTML', `Not an HTML page (${type || 'no type'})`);
      const summary = parsePreview(decodeBody(response.body, type));
      return { ok: true, preview: { url: start.href, finalUrl: response.url.href, ...summary } };
    } catch (error) {
      if (error instanceof AddressNotAllowed) return fail('ADDRESS_NOT_ALLOWED', error.message);
      if (error instanceof OutboundError) {
        return fail(error.code === 'TIMEOUT' ? 'TIMEOUT' : 'UNREACHABLE', error.message);
      }
      throw error;
    }
  }
}
