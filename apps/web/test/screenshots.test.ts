/**
 * Every page type at a laptop's width (1366 px) and a phone's (390 px), as a visitor and as a
 * signed-in curator: each is saved as a screenshot in `test-results/screenshots/pages/` for a
 * person to look at, and checked for what a person would notice at once: a page that scrolls
 * sideways on a phone, or assets that were not served.
 */
import { mkdirSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, signIn } from './browser';
import { type World, startWorld } from './servers';

const SCREENSHOTS = new URL('../test-results/screenshots/pages/', import.meta.url).pathname;
const WIDTHS = [1366, 390] as const;

let world: World;
let browser: TestBrowser;

beforeAll(async () => {
  world = await startWorld();
  browser = await TestBrowser.launch(world.webUrl);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

/** The first link on a list page that leads to one record of it (`/meetings/…`). */
async function firstRecord(page: Page, list: string): Promise<string> {
  await page.goto(list);
  const href = await page
    .locator(`main a[href^="${list}/"]`)
    .evaluateAll((links) =>
      links
        .map((a) => a.getAttribute('href') ?? '')
        .find((h) => /^\/[a-z-]+\/[A-Za-z0-9=_-]+$/.test(h) && !/\/(new|import)$/.test(h)),
    );
  if (!href) throw new Error(`no record linked from ${list}`);
  return href;
}

/** Pages a visitor sees, by name; record pages are found from their lists. */
async function visitorPages(page: Page): Promise<[string, string][]> {
  return [
    ['front', '/'],
    ['search', '/search?q=kyl%C3%A4ily'],
    ['search-empty', '/search?q=xyzzyqwerty'],
    ['resources', '/resources'],
    ['resource', await firstRecord(page, '/resources')],
    ['best-practices', '/best-practices'],
    ['best-practice', await firstRecord(page, '/best-practices')],
    ['ideas', '/ideas'],
    ['idea', await firstRecord(page, '/ideas')],
    ['meetings', '/meetings'],
    ['meeting', await firstRecord(page, '/meetings')],
    ['trainings', '/trainings'],
    ['mentoring', '/mentoring'],
    ['organisations', '/organisations'],
    ['accessibility', '/accessibility'],
    ['sign-in', '/sign-in'],
    ['not-found', '/ei-tallaista-sivua'],
  ];
}

/** Pages only a curator reaches. */
async function curatorPages(page: Page): Promise<[string, string][]> {
  const resource = await firstRecord(page, '/resources');
  const practice = await firstRecord(page, '/best-practices');
  const idea = await firstRecord(page, '/ideas');
  return [
    ['resource-new', '/resources/new'],
    ['resource-edit', `${resource}/edit`],
    ['best-practice-new', '/best-practices/new'],
    ['best-practice-edit', `${practice}/edit`],
    ['idea-new', '/ideas/new'],
    ['idea-edit', `${idea}/edit`],
    ['memo-import', '/meetings/import'],
    ['broken-links', '/resources?broken=1'],
  ];
}

/** Saves the page at each width and checks it does not scroll sideways. */
async function capture(page: Page, name: string, path: string, width: number): Promise<string[]> {
  await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SCREENSHOTS}${name}-${width}.png`, fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  return overflow > 1
    ? [`${name} (${path}) scrolls sideways by ${overflow} px at ${width} px`]
    : [];
}

describe('every page type at 1366 px and 390 px', () => {
  it('as a visitor: saved, no sideways scrolling, every asset served', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    for (const [name, path] of await visitorPages(page)) {
      for (const width of WIDTHS) problems.push(...(await capture(page, name, path, width)));
    }
    expect(problems).toEqual([]);
    browser.expectNoFailedAssets();
  });

  it('as a curator: the forms, saved, no sideways scrolling, every asset served', async () => {
    const page = await browser.newPage();
    await signIn(page);
    const problems: string[] = [];
    for (const [name, path] of await curatorPages(page)) {
      for (const width of WIDTHS) problems.push(...(await capture(page, name, path, width)));
    }
    expect(problems).toEqual([]);
    browser.expectNoFailedAssets();
  });
});
