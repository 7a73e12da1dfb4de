/**
 * What the first walk-through of the app found (issue 12, item 9), each checked in real
 * Chromium against the built web app and a seeded API on 127.0.0.1: counts in the plural
 * rules of each language, snippets as text and Markdown tables rendered, content above the
 * directory for a common word, the phone layout (390 × 844: header, folded facets, readable
 * chart), focus on the error summary after a failed submit, a warning (not a success) when a
 * link preview fails, the wording, and the supervisory authority of the accessibility
 * statement. Screenshots at 1366 px and 390 px land in test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURATOR, type World, startWorld } from './servers';

const SCREENSHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
/** The header's share of a phone screen: at most a fifth of its height. */
const HEADER_LIMIT = Math.floor(PHONE.height / 5);

let world: World;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A new context that may only reach 127.0.0.1. */
async function newContext(
  viewport: { width: number; height: number } = DESKTOP,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, baseURL: world.webUrl });
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  contexts.push(context);
  return context;
}

/** A path in a UI language (`?lang=` also sets the language cookie for what follows). */
const inLang = (path: string, lang: string) =>
  `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Sähköposti').fill(CURATOR.email);
  await page.getByLabel('Salasana').fill(CURATOR.password);
  await page.locator('main').getByRole('button').click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Fails with the violations listed when axe finds any WCAG 2.1 A/AA problem. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const problems = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(problems, label).toEqual([]);
}

/** The element that has the focus, described by its class names. */
const focusedClass = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.className ?? '');

beforeAll(async () => {
  world = await startWorld();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await world?.close();
});

describe('content written by a curator', () => {
  it('counts a single result in the singular in fi, sv and en', async () => {
    const page = await (await newContext()).newPage();
    await signIn(page);
    await page.goto('/resources/new');
    await page.getByLabel('Osoite (URL)').fill('https://example.org/satakielipolku');
    await page.getByLabel('Otsikko').fill('Satakielipolku lukulähettiläille');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Satakielipolku lukulähettiläille' })
      .waitFor();

    const expected = { fi: '1 tulos', sv: '1 träff', en: '1 result' } as const;
    for (const [lang, text] of Object.entries(expected)) {
      await page.goto(`/search?q=satakielipolku&lang=${lang}`);
      await expect
        .poll(() => page.locator('.result-count').textContent(), { timeout: 20_000 })
        .toBe(text);
    }
    // More than one: the plural.
    await page.goto('/search?q=kirjasto&lang=fi');
    expect(await page.locator('.result-count').textContent()).toMatch(/^\d[\d\s\u00a0]* tulosta$/);
    await page.goto('/search?q=kirjasto&lang=en');
    expect(await page.locator('.result-count').textContent()).toMatch(/^[\d,]+ results$/);
  });

  it('renders a Markdown table, and the search snippet shows its text without the markup', async () => {
    const page = await (await newContext()).newPage();
    await signIn(page);
    await page.goto('/best-practices/new');
    await page.getByLabel('Otsikko').fill('Kyläilyn koosteet');
    await page
      .getByLabel('Teksti (Markdown)')
      .fill(
        'Kokosimme **kyläilypäivistä** koosteen.\n\n| Kirjasto | Käyntejä |\n| --- | --- |\n| Oulu | 3 |\n| Kajaani | 2 |\n',
      );
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kyläilyn koosteet' }).waitFor();
    const table = page.locator('.markdown table');
    await table.waitFor();
    expect(await table.locator('th').allTextContents()).toEqual(['Kirjasto', 'Käyntejä']);
    expect(await page.locator('.markdown').innerText()).not.toContain('| ---');

    await page.goto('/search?q=kyl%C3%A4ilyp%C3%A4iv%C3%A4');
    const result = page.locator('.result').filter({ hasText: 'Kyläilyn koosteet' });
    const snippet = result.locator('.snippet');
    await snippet.waitFor();
    const text = (await snippet.textContent()) ?? '';
    expect(text).toContain('Kokosimme kyläilypäivistä koosteen.');
    expect(text).not.toMatch(/\*\*|\||---/);
    expect(await snippet.locator('mark').allTextContents()).toContain('kyläilypäivistä');
  });
});

describe('search for a common word', () => {
  it('"kirjasto" lists content before directory entries, whose snippets are sentences', async () => {
    const page = await (await newContext()).newPage();
    await page.goto('/search?q=kirjasto');
    await page.locator('.result').first().waitFor();
    const types = await page.locator('.result-type').allTextContents();
    const first = types.indexOf('Organisaatio');
    expect(first, types.join(', ')).toBeGreaterThan(0);
    expect(
      types.slice(first).every((type) => type === 'Organisaatio'),
      types.join(', '),
    ).toBe(true);
    await page.goto('/search?q=Tiekk%C3%B6');
    const tiekko = page.locator('.result').filter({ hasText: 'Tiekkö-kirjastot' }).first();
    expect(await tiekko.locator('.snippet').textContent()).toBe('Kirjastokimppa. Myös: Tiekkö.');
  });
});

describe('on a phone (390 × 844)', () => {
  it('keeps the header within a fifth of the screen in every language', async () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const page = await (await newContext(PHONE)).newPage();
      for (const path of ['/', '/search?q=kirjasto', '/mentoring', '/accessibility']) {
        await page.goto(inLang(path, lang));
        const box = await page.locator('header.site-header').boundingBox();
        expect(box?.height ?? Infinity, `${lang} ${path}`).toBeLessThanOrEqual(HEADER_LIMIT);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, `${lang} ${path} scrolls sideways`).toBeLessThanOrEqual(0);
      }
    }
  });

  it('keeps the header within a fifth of the screen for a signed-in curator too', async () => {
    const page = await (await newContext(PHONE)).newPage();
    await signIn(page);
    for (const lang of ['fi', 'sv', 'en']) {
      await page.goto(inLang('/', lang));
      const box = await page.locator('header.site-header').boundingBox();
      expect(box?.height ?? Infinity, lang).toBeLessThanOrEqual(HEADER_LIMIT);
    }
  });

  it('folds the search facets below a "Rajaa" control, so the results come first', async () => {
    const labels = { fi: 'Rajaa', sv: 'Avgränsa', en: 'Filter' } as const;
    for (const [lang, label] of Object.entries(labels) as ['fi' | 'sv' | 'en', string][]) {
      const page = await (await newContext(PHONE)).newPage();
      await page.goto(inLang('/search?q=kirjasto', lang));
      const toggle = page.locator('.facets-fold > summary');
      expect(await toggle.textContent(), lang).toBe(label);
      expect(await toggle.isVisible(), lang).toBe(true);
      const checkbox = page.locator('.facets input[type=checkbox]').first();
      expect(await checkbox.isVisible(), lang).toBe(false);
      // The first result is on the first screen, right under the control.
      const result = await page.locator('.result').first().boundingBox();
      expect(result?.y ?? Infinity, lang).toBeLessThan(PHONE.height);
      if (lang === 'fi') {
        await expectAccessible(page, 'search at 390 px, facets folded');
        await toggle.click();
        await checkbox.waitFor({ state: 'visible' });
        await checkbox.check();
        await page.waitForURL(/type=|tag=|org=|year=|language=/);
        // With a filter on, the facets stay open.
        await page.locator('.facets input[type=checkbox]:checked').first().waitFor();
        expect(await page.locator('.facets-fold').getAttribute('open')).not.toBeNull();
      }
    }
  });

  it('works without JavaScript: the control opens the facets and "Rajaa" applies them', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      baseURL: world.webUrl,
      javaScriptEnabled: false,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/search?q=kirjasto');
    await page.locator('.facets-fold > summary').click();
    const checkbox = page.locator('.facets input[type=checkbox]').first();
    await checkbox.check();
    await page.getByRole('button', { name: 'Rajaa', exact: true }).click();
    await page.waitForURL(/type=|tag=|org=|year=|language=/);
    expect(await page.locator('.facets-fold').getAttribute('open')).not.toBeNull();
  });

  it('draws the mentoring chart with labels of at least 12 px and keeps its table on the screen', async () => {
    const page = await (await newContext(PHONE)).newPage();
    await page.goto('/mentoring');
    await page.locator('.chart svg').first().waitFor();
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll<SVGTextElement>('.chart svg text')].map((text) => {
        const svg = text.ownerSVGElement!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(text).fontSize) * scale;
      }),
    );
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('.chart table')].map((table) => {
        const wrap = table.closest('.table-wrap')!;
        return {
          right: table.getBoundingClientRect().right,
          fits: wrap.scrollWidth <= wrap.clientWidth,
        };
      }),
    );
    for (const table of tables) {
      expect(table.right).toBeLessThanOrEqual(PHONE.width);
      expect(table.fits).toBe(true);
    }
    // Each label fits inside the drawing.
    const clipped = await page.evaluate(
      () =>
        [...document.querySelectorAll<SVGGraphicsElement>('.chart svg text')].filter((text) => {
          const box = text.getBoundingClientRect();
          const svg = text.ownerSVGElement!.getBoundingClientRect();
          return box.right > svg.right + 1 || box.left < svg.left - 1;
        }).length,
    );
    expect(clipped).toBe(0);
  });
});

describe('forms', () => {
  it('moves the focus to the error summary after a failed submit', async () => {
    const page = await (await newContext()).newPage();
    // The accessibility feedback form, without signing in.
    await page.goto('/accessibility');
    await page.getByRole('button', { name: 'Lähetä palaute' }).click();
    await page.locator('.error-summary').waitFor();
    await expect.poll(() => focusedClass(page)).toContain('error-summary');
    expect(await page.locator('.error-summary').getAttribute('tabindex')).toBe('-1');
    expect(await page.locator('.error-summary').getAttribute('role')).toBe('alert');

    // Sign-in with a wrong password.
    await page.goto('/sign-in');
    await page.getByLabel('Sähköposti').fill(CURATOR.email);
    await page.getByLabel('Salasana').fill('väärin');
    await page.locator('main').getByRole('button').click();
    await page.locator('.error-summary').waitFor();
    await expect.poll(() => focusedClass(page)).toContain('error-summary');

    // A new link (the resource form, shared with the edit forms) with a bad address.
    await signIn(page);
    await page.goto('/resources/new');
    await page.getByLabel('Osoite (URL)').fill('ei osoite');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page.locator('.error-summary').waitFor();
    await expect.poll(() => focusedClass(page)).toContain('error-summary');
    // A second failed submit with other errors takes the focus there again.
    await page.getByLabel('Otsikko').focus();
    await page.getByLabel('Osoite (URL)').fill('https://example.org/toinen');
    await page.getByLabel('Otsikko').fill('');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).not.toContain('http://');
    await expect.poll(() => focusedClass(page)).toContain('error-summary');
  });

  it('shows a failed link preview as a warning, not in the green of success', async () => {
    const page = await (await newContext()).newPage();
    await signIn(page);
    await page.goto('/resources/new');
    await page.getByLabel('Osoite (URL)').fill(`${world.pageUrl}/ei-ole-tallainen-sivua`);
    await page.getByRole('button', { name: 'Hae otsikko ja kuvaus sivulta' }).click();
    const notice = page.locator('.notice[role=status]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('⚠');
    expect(await notice.getAttribute('class')).toContain('notice-warning');
    const colours = await notice.evaluate((element) => {
      const style = getComputedStyle(element);
      return { border: style.borderLeftColor, background: style.backgroundColor };
    });
    // The success style: a green border (#1e6b35) on a green tint (#edf7f0).
    expect(colours.border).not.toBe('rgb(30, 107, 53)');
    expect(colours.background).not.toBe('rgb(237, 247, 240)');
    await expectAccessible(page, 'failed link preview');
  });
});

describe('wording', () => {
  it('calls a curator "sisällön ylläpitäjä", a meeting\'s format "Kokousmuoto", and shows an action plainly', async () => {
    const page = await (await newContext()).newPage();
    await page.goto('/sign-in');
    const signInText = await page.locator('main').innerText();
    expect(signInText).toContain('sisällön ylläpitäjille');
    await page.goto('/meetings');
    await page.getByRole('link', { name: 'Työryhmän kokous 11.3.2019' }).click();
    await page.getByRole('heading', { level: 1, name: 'Työryhmän kokous 11.3.2019' }).waitFor();
    const meeting = await page.locator('main').innerText();
    expect(meeting).toContain('Kokousmuoto');
    expect(meeting).not.toMatch(/\bTapa\b/);
    expect(meeting).not.toMatch(/\(Vastuu:|ei nimetty;/);
    expect(await page.locator('.actions .badge').count()).toBeGreaterThan(0);
    expect(meeting).toMatch(/Vastuuhenkilö/);

    // One word for a record's type on every page: "Tyyppi" in the form as in the search facets.
    await signIn(page);
    await page.goto('/resources/new');
    expect(await page.getByLabel('Tyyppi').count()).toBe(1);
    for (const [lang, word] of [
      ['fi', 'kuraattor'],
      ['sv', 'kurator'],
    ] as const) {
      for (const path of ['/', '/sign-in', '/resources/new', '/accessibility']) {
        await page.goto(`${path}?lang=${lang}`);
        const text = (await page.locator('main').innerText()).toLowerCase();
        expect(text, `${lang} ${path}`).not.toContain(word);
      }
    }
  });

  it('names the supervisory authority of 2026 in the accessibility statement', async () => {
    const page = await (await newContext()).newPage();
    for (const [lang, name] of [
      ['fi', 'Liikenne- ja viestintävirasto Traficom'],
      ['sv', 'Transport- och kommunikationsverket Traficom'],
      ['en', 'Finnish Transport and Communications Agency Traficom'],
    ] as const) {
      await page.goto(`/accessibility?lang=${lang}`);
      const text = await page.locator('main').innerText();
      expect(text, lang).toContain(name);
      expect(text, lang).not.toMatch(/aluehallintovirast|Regionförvaltningsverket|Regional State/);
      expect(await page.locator('main a[href="https://www.traficom.fi/"]').count(), lang).toBe(1);
    }
  });
});

describe('screenshots as a librarian sees them', () => {
  it('saves the front page, search results, mentoring and the accessibility statement at 1366 and 390 px', async () => {
    const pages = {
      front: '/',
      search: '/search?q=kirjasto',
      mentoring: '/mentoring',
      accessibility: '/accessibility',
    };
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await (await newContext(viewport)).newPage();
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(path);
        await page.locator('main h1').waitFor();
        await page.screenshot({
          path: `${SCREENSHOTS}walkthrough-${name}-${viewport.width}.png`,
          fullPage: true,
        });
        // And the first screen, as it opens on a phone.
        if (viewport === PHONE) {
          await page.screenshot({ path: `${SCREENSHOTS}walkthrough-${name}-390-screen.png` });
        }
      }
      await page.close();
    }
  });
});
