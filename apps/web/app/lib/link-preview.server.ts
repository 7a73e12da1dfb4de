/**
 * Prefills a new link's title and description from the page: fetched server-side, only over
 * http(s), with a short timeout and a size limit, never following more than 3 redirects. Set
 * LINK_PREVIEW=off to disable it (the form then only says the page could not be fetched).
 */

export interface LinkPreview {
  title: string | null;
  description: string | null;
}

export const PREVIEW_LIMITS = { timeoutMs: 4000, maxBytes: 512 * 1024, maxRedirects: 3 } as const;

/** True unless LINK_PREVIEW is "off", "0" or "false". */
export function previewEnabled(): boolean {
  return !/^(off|0|false)$/i.test(process.env.LINK_PREVIEW ?? '');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function clean(text: string | undefined, max: number): string | null {
  if (!text) return null;
  const value = decodeEntities(text).replace(/\s+/g, ' ').trim();
  return value ? value.slice(0, max) : null;
}

function metaContent(html: string, names: string[]): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = /\b(?:name|property)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase();
    if (key && names.includes(key)) {
      const content = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(tag);
      const value = content?.[1] ?? content?.[2];
      if (value) return value;
    }
  }
  return undefined;
}

/** Title and description of an HTML document. */
export function parsePreview(html: string): LinkPreview {
  const title =
    metaContent(html, ['og:title']) ?? /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const description = metaContent(html, ['description', 'og:description']);
  return { title: clean(title, 300), description: clean(description, 2000) };
}

/** Fetches a page's title and description; null when disabled, not http(s) or it fails. */
export async function fetchLinkPreview(url: string): Promise<LinkPreview | null> {
  if (!previewEnabled()) return null;
  let current: URL;
  try {
    current = new URL(url.trim());
  } catch {
    return null;
  }
  const signal = AbortSignal.timeout(PREVIEW_LIMITS.timeoutMs);
  try {
    for (let hop = 0; hop <= PREVIEW_LIMITS.maxRedirects; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') return null;
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { accept: 'text/html,application/xhtml+xml', 'user-agent': 'AKE-tietopankki' },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        current = new URL(location, current);
        continue;
      }
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok || !/html/i.test(type) || !response.body) {
        await response.body?.cancel();
        return null;
      }
      return parsePreview(await readLimited(response.body, PREVIEW_LIMITS.maxBytes));
    }
  } catch {
    return null;
  }
  return null;
}

async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel();
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks).subarray(0, maxBytes));
}
