/**
 * The web app's budgets (issue 5), measured against the built app and a seeded API on 127.0.0.1:
 *
 * - JavaScript on first load of the search page under 150 kB gzip: every script the server-rendered
 *   `/search?q=kyläily` loads (`<script src>`, `<link rel="modulepreload">`, the imports of its
 *   inline module script, and the static imports inside those files), each gzipped (level 9).
 *   Cross-checked by loading the page in Chromium and summing the script responses, when
 *   Chromium is there.
 * - Server render of the search page p95 under 100 ms with the seeded database: N sequential
 *   requests per query after a warm-up, timed from sending to the last byte of the body.
 *
 * It runs twice: with the API's response cache on (the default) and off.
 * Usage: `pnpm --filter @ake/web bench [requests=200]` or `pnpm bench:web` (run `pnpm build` first).
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { constants, gzipSync } from 'node:zlib';
import { type World, startWorld } from '../test/servers';

const JS_BUDGET_KB = 150;
const P95_BUDGET_MS = 100;
const REQUESTS = Number(process.argv[2] ?? 200);
const WARM_UP = 20;
const SEARCH_PAGE = `/search?q=${encodeURIComponent('kyläily')}`;
const QUERIES = ['kyläily', 'mentorointi', 'asiakaspalvelu koulutus'].map(
  (q) => `/search?q=${encodeURIComponent(q)}`,
);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

interface JsReport {
  assets: { url: string; raw: number; gzip: number }[];
  totalGzip: number;
  totalRaw: number;
  inlineGzip: number;
  browserGzip: number | null;
  browserCount: number | null;
}

/** Script URLs of a page: script src, modulepreload links and the inline module's imports. */
function scriptUrls(html: string, base: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1] ?? '');
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    if (!/\brel="modulepreload"/.test(tag)) continue;
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href) urls.add(href);
  }
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const i of (m[1] ?? '').matchAll(
      /\bimport\s*(?:[^"'()]*?\bfrom\s*)?["']([^"']+\.js)["']/g,
    )) {
      urls.add(i[1] ?? '');
    }
  }
  urls.delete('');
  return [...urls].map((u) => new URL(u.replace(/&amp;/g, '&'), base).href);
}

/** Static imports inside a built chunk (`import"./x.js"`, `from"./x.js"`). */
function staticImports(code: string, base: string): string[] {
  return [
    ...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js|\/[^"']+\.js)["']/g),
  ].map((m) => new URL(m[1] ?? '', base).href);
}

async function measureJs(world: World): Promise<JsReport> {
  const pageUrl = `${world.webUrl}${SEARCH_PAGE}`;
  const html = await (await fetch(pageUrl)).text();
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? '')
    .join('\n');
  const queue = scriptUrls(html, pageUrl);
  const seen = new Set<string>();
  const assets: JsReport['assets'] = [];
  while (queue.length) {
    const url = queue.shift() ?? '';
    if (seen.has(url) || new URL(url).origin !== world.webUrl) continue;
    seen.add(url);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    assets.push({ url: new URL(url).pathname, raw: bytes.length, gzip: gzipSize(bytes) });
    queue.push(...staticImports(bytes.toString('utf8'), url));
  }
  const browser = await browserScripts(pageUrl);
  return {
    assets,
    totalGzip: assets.reduce((sum, a) => sum + a.gzip, 0),
    totalRaw: assets.reduce((sum, a) => sum + a.raw, 0),
    inlineGzip: gzipSize(Buffer.from(inline)),
    browserGzip: browser?.gzip ?? null,
    browserCount: browser?.count ?? null,
  };
}

/** What Chromium actually fetched as scripts on a fresh load (null without Chromium). */
async function browserScripts(pageUrl: string): Promise<{ gzip: number; count: number } | null> {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    const pending: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(response.body().then((body) => gzipSize(body)));
    });
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    const sizes = await Promise.all(pending);
    return { gzip: sizes.reduce((a, b) => a + b, 0), count: sizes.length };
  } finally {
    await browser.close();
  }
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

interface Timing {
  path: string;
  p50: number;
  p95: number;
  max: number;
}

async function timeRequests(world: World): Promise<{ perQuery: Timing[]; all: Timing }> {
  const perQuery: Timing[] = [];
  const everything: number[] = [];
  for (const path of QUERIES) {
    const url = `${world.webUrl}${path}`;
    for (let i = 0; i < WARM_UP; i++) await (await fetch(url)).text();
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      const response = await fetch(url);
      const body = await response.text();
      times.push(performance.now() - start);
      if (!response.ok || !body.includes('class="result')) {
        throw new Error(`${path}: HTTP ${response.status} or no results`);
      }
    }
    times.sort((a, b) => a - b);
    everything.push(...times);
    perQuery.push({
      path: decodeURIComponent(path),
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1) ?? NaN,
    });
  }
  everything.sort((a, b) => a - b);
  return {
    perQuery,
    all: {
      path: 'all',
      p50: percentile(everything, 50),
      p95: percentile(everything, 95),
      max: everything.at(-1) ?? NaN,
    },
  };
}

async function run(responseCache: boolean): Promise<{ js: JsReport | null; all: Timing }> {
  const label = responseCache ? 'API response cache on (default)' : 'API response cache off';
  console.log(`\n== ${label}`);
  const world = await startWorld({ responseCache });
  try {
    let js: JsReport | null = null;
    if (responseCache) {
      js = await measureJs(world);
      console.log(`JavaScript on first load of ${decodeURIComponent(SEARCH_PAGE)} (gzip -9):`);
      for (const a of js.assets) {
        console.log(
          `  ${a.url.padEnd(48)} ${kB(a.raw).padStart(7)} kB raw ${kB(a.gzip).padStart(6)} kB gzip`,
        );
      }
      console.log(
        `  total: ${js.assets.length} files, ${kB(js.totalRaw)} kB raw, ${kB(js.totalGzip)} kB gzip` +
          ` (+ ${kB(js.inlineGzip)} kB gzip of inline scripts in the HTML)`,
      );
      if (js.browserGzip !== null) {
        console.log(
          `  Chromium fetched ${js.browserCount} scripts, ${kB(js.browserGzip)} kB gzip (cross-check)`,
        );
      }
    }
    const timing = await timeRequests(world);
    console.log(
      `Server render, ${REQUESTS} sequential requests per query after ${WARM_UP} warm-up:`,
    );
    for (const t of [...timing.perQuery, timing.all]) {
      console.log(
        `  ${t.path.padEnd(36)} p50 ${t.p50.toFixed(1).padStart(6)} ms  p95 ${t.p95.toFixed(1).padStart(6)} ms  max ${t.max.toFixed(1).padStart(6)} ms`,
      );
    }
    return { js, all: timing.all };
  } finally {
    await world.close();
  }
}

async function main() {
  const server = new URL('../dist/server/index.js', import.meta.url);
  if (!existsSync(server)) throw new Error('apps/web/dist is missing: run `pnpm build` first');
  const cached = await run(true);
  const uncached = await run(false);
  const js = cached.js as JsReport;
  const jsOk = js.totalGzip / 1000 < JS_BUDGET_KB;
  const renderOk = cached.all.p95 < P95_BUDGET_MS;
  console.log('\n== Budgets');
  console.log(
    `  JavaScript on first load < ${JS_BUDGET_KB} kB gzip: ${kB(js.totalGzip)} kB  ${verdict(jsOk)}`,
  );
  console.log(
    `  search render p95 < ${P95_BUDGET_MS} ms (cache on):  ${cached.all.p95.toFixed(1)} ms  ${verdict(renderOk)}`,
  );
  console.log(
    `  search render p95 < ${P95_BUDGET_MS} ms (cache off): ${uncached.all.p95.toFixed(1)} ms  ${verdict(uncached.all.p95 < P95_BUDGET_MS)} (for information)`,
  );
  if (!jsOk || !renderOk) process.exitCode = 1;
}

await main();
