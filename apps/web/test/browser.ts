/**
 * The browser of the end-to-end tests, shared by every test file: a Chromium found without any
 * manual install step, contexts that may only reach 127.0.0.1, and a watch on every response so a
 * page that asks for a missing stylesheet, script or image fails its test.
 *
 * Which Chromium: `CHROMIUM_PATH` when set (`CHROMIUM_PATH=bundled` forces the bundled one); else the system's (`/usr/bin/chromium`, Debian's
 * package, as `.ci/run` may install it); else the one the `@sparticuz/chromium` devDependency
 * ships inside its npm package (unpacked into the temporary folder on first use), so that
 * `npm run setup && npm test` works on a machine that has only Node.js and npm.
 */
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';
import { CURATOR } from './servers';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * What a page loads as an asset. Documents and data requests (`fetch`, Remix's loaders and
 * actions) are left out: a 404 page or a 400 for a refused form is the app answering on purpose.
 */
const ASSET_TYPES = new Set([
  'stylesheet',
  'script',
  'image',
  'font',
  'media',
  'manifest',
  'other',
]);

/** The executable to launch: the configured one, the system's, or the bundled one. */
export async function chromiumPath(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && configured !== 'bundled') return configured;
  const system = configured ? undefined : SYSTEM_CHROMIUM.find((path) => existsSync(path));
  if (system) return system;
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}

/** Launches headless Chromium with no background traffic (the network here is closed). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A response the page asked for that was not served (≥ 400, or no answer at all). */
export interface FailedRequest {
  url: string;
  status: number | string;
  type: string;
  page: string;
}

/**
 * The browser side of a test file: contexts limited to 127.0.0.1, each watched for assets
 * (ASSET_TYPES) that were not served.
 */
export class TestBrowser {
  readonly failed: FailedRequest[] = [];
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly browser: Browser,
    private readonly baseURL: string,
  ) {}

  static async launch(baseURL: string): Promise<TestBrowser> {
    return new TestBrowser(await launchBrowser(), baseURL);
  }

  /** A new context that may only reach 127.0.0.1. */
  async newContext(
    options: { javaScriptEnabled?: boolean; width?: number; height?: number } = {},
  ): Promise<BrowserContext> {
    const context = await this.browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      baseURL: this.baseURL,
    });
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    context.on('response', (response) => {
      const request = response.request();
      if (!ASSET_TYPES.has(request.resourceType()) || response.status() < 400) return;
      this.failed.push({
        url: response.url(),
        status: response.status(),
        type: request.resourceType(),
        page: request.frame().url(),
      });
    });
    const scripts = options.javaScriptEnabled ?? true;
    context.on('requestfailed', (request) => {
      if (!ASSET_TYPES.has(request.resourceType())) return;
      // Without JavaScript the browser refuses the page's scripts itself: not a missing asset.
      if (!scripts && request.resourceType() === 'script') return;
      // Requests the test itself aborted (anything not on 127.0.0.1) are not the app's fault.
      if (new URL(request.url()).hostname !== '127.0.0.1') return;
      // A navigation away cancels what the old page still loaded: not a missing asset.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      this.failed.push({
        url: request.url(),
        status: request.failure()?.errorText ?? 'failed',
        type: request.resourceType(),
        page: request.frame().url(),
      });
    });
    this.contexts.push(context);
    return context;
  }

  /** A new page in a new context. */
  async newPage(options: Parameters<TestBrowser['newContext']>[0] = {}): Promise<Page> {
    return (await this.newContext(options)).newPage();
  }

  /**
   * Fails, naming each one, when any page asked for an asset that was not served since the
   * last call (call it after each test, so a failure belongs to the test that caused it).
   */
  expectNoFailedAssets(): void {
    const failed = this.failed.splice(0);
    expect(
      failed.map((f) => `${f.status} ${f.type} ${f.url} (on ${f.page})`).join('\n'),
      'assets the pages asked for but did not get',
    ).toBe('');
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close();
  }
}

/** Signs the test curator in through the sign-in form. */
export async function signIn(
  page: Page,
  user: { email: string; password: string; name: string } = CURATOR,
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/Sähköposti|E-post|Email/).fill(user.email);
  await page.getByLabel(/Salasana|Lösenord|Password/).fill(user.password);
  await page.locator('main').getByRole('button').click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByText(user.name).waitFor();
}

/** Fails with the violations listed when axe finds any WCAG 2.1 A/AA problem. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const problems = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(problems, label).toEqual([]);
}
