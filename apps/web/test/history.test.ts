/**
 * End to end, in Chromium: a curator restores an earlier version of a best practice from its
 * history, archives a link after confirming and restores it from the archive, and renames and
 * merges tags, seeing every tagged record follow. The browser alone does it all.
 */
import { mkdirSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, expectAccessible, signIn } from './browser';
import { type World, startWorld } from './servers';

const SCREENSHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;

let world: World;
let browser: TestBrowser;

async function signedInPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ ...options, width: 1366 });
  await signIn(page);
  return page;
}

/** Checks the page in fi, sv and en, then returns to Finnish. */
async function expectAccessibleInEveryLanguage(page: Page, label: string): Promise<void> {
  const path = new URL(page.url()).pathname + new URL(page.url()).search;
  for (const lang of ['fi', 'sv', 'en']) {
    await page.goto(`/lang?to=${lang}&back=${encodeURIComponent(path)}`);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await expectAccessible(page, `${lang} ${label}`);
  }
  await page.goto(`/lang?to=fi&back=${encodeURIComponent(path)}`);
}

/** Screenshots at a desktop width and a phone width. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function save(page: Page): Promise<void> {
  await page.locator('main form').getByRole('button', { name: 'Tallenna' }).click();
  await page.locator('.flash').waitFor();
}

beforeAll(async () => {
  world = await startWorld();
  browser = await TestBrowser.launch(world.webUrl);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterEach(() => browser.expectNoFailedAssets());

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

describe('history and undo', () => {
  it('restores version 1 of a best practice edited twice, refusing a restore from a stale page', async () => {
    const page = await signedInPage();
    await page.goto('/best-practices/new');
    await page.locator('#field-title').fill('Lukupiiri ikäihmisille');
    await page.locator('#field-summary').fill('Kerran kuussa kirjastossa.');
    await page.locator('#field-tags').fill('Lukupiirit');
    await save(page);
    const practiceUrl = new URL(page.url()).pathname;

    await page.goto(`${practiceUrl}/edit`);
    await page.locator('#field-title').fill('Lukupiiri senioreille');
    await save(page);
    await page.goto(`${practiceUrl}/edit`);
    await page.locator('#field-title').fill('Seniorien lukupiiri');
    await page.locator('#field-language').selectOption('SV');
    await save(page);
    await page.getByRole('heading', { level: 1, name: 'Seniorien lukupiiri' }).waitFor();

    await page.getByRole('link', { name: 'Muutoshistoria ja aiemmat versiot' }).click();
    await page.getByRole('heading', { level: 1, name: /Muutoshistoria/ }).waitFor();
    const history = await page.locator('.revisions').innerText();
    // Field by field, in Finnish, with values as words rather than codes.
    expect(history).toContain('Otsikko');
    expect(history).toContain('Lukupiiri senioreille');
    expect(history).toContain('Seniorien lukupiiri');
    expect(history).toContain('Kieli');
    expect(history).toMatch(/suomi\s*→\s*Nyt:\s*ruotsi|suomi.*ruotsi/s);
    expect(history).toContain('Asiasanat');
    expect(history).toContain('Lukupiirit');
    expect(history).not.toMatch(/\b(FI|SV|fi|sv)\b/);
    expect(history).not.toContain('originOrganisationId');
    expect(await page.locator('.revision').count()).toBe(3);
    await screenshots(page, 'history');
    await expectAccessibleInEveryLanguage(page, 'history');

    // A second tab saves an edit while the first one is about to restore.
    await page.getByRole('link', { name: 'Palauta tämä versio (Versio 2)' }).click();
    await page.getByRole('heading', { name: 'Palautetaanko versio 2?' }).waitFor();
    const other = await page.context().newPage();
    await other.goto(`${practiceUrl}/edit`);
    await other.locator('#field-summary').fill('Joka toinen tiistai.');
    await save(other);
    await page.getByRole('button', { name: 'Kyllä, palauta versio 2' }).click();
    await page.getByRole('alert').filter({ hasText: 'Joku muu ehti muuttaa tätä ensin' }).waitFor();
    // The restore table now stands on the version saved meanwhile.
    expect(await page.locator('.confirm-restore table').innerText()).toContain(
      'Joka toinen tiistai.',
    );
    await screenshots(page, 'history-conflict');

    // Restore version 1 instead.
    await page.goto(new URL(page.url()).pathname);
    await page.getByRole('link', { name: 'Palauta tämä versio (Versio 1)' }).click();
    await page.getByRole('heading', { name: 'Palautetaanko versio 1?' }).waitFor();
    const preview = await page.locator('.confirm-restore table').innerText();
    expect(preview).toContain('Lukupiiri ikäihmisille');
    expect(preview).toContain('ruotsi');
    await expectAccessible(page, 'fi restore confirmation');
    await screenshots(page, 'history-confirm');
    await page.getByRole('button', { name: 'Kyllä, palauta versio 1' }).click();
    await page.locator('.flash').filter({ hasText: 'Versio 1 palautettiin' }).waitFor();
    expect(await page.locator('.revision').count()).toBe(5);
    expect(await page.locator('.revision').first().innerText()).toContain('Palautettu versio 1');

    await page.goto(practiceUrl);
    await page.getByRole('heading', { level: 1, name: 'Lukupiiri ikäihmisille' }).waitFor();
    expect(await page.locator('.lead').innerText()).toBe('Kerran kuussa kirjastossa.');
    expect(await page.locator('h1').getAttribute('lang')).toBe('fi');
  });

  it('archives a link only after confirming, finds it in the archive and restores it, without JavaScript', async () => {
    const page = await signedInPage({ javaScriptEnabled: false });
    await page.goto('/resources');
    const first = page.locator('main h2 a, main h3 a').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const resourceUrl = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Arkistoi' }).click();
    await page.getByRole('heading', { name: 'Arkistoidaanko tämä?' }).waitFor();
    // Nothing is archived yet: the link is still listed.
    await page.goto('/resources');
    expect(await page.locator('main').innerText()).toContain(title);
    await page.goto(resourceUrl);
    await page.getByRole('button', { name: 'Arkistoi' }).click();
    await page.getByRole('button', { name: 'Kyllä, arkistoi' }).click();
    await page.waitForURL((url) => url.pathname === '/resources');
    expect(await page.locator('main').innerText()).not.toContain(title);

    await page.getByRole('link', { name: 'Arkisto' }).click();
    await page.locator('#archive-kind').selectOption('RESOURCE');
    await page.getByRole('button', { name: 'Näytä' }).click();
    await page.waitForURL(/kind=RESOURCE/);
    const item = page.locator('.archive-item').filter({ hasText: title });
    await item.waitFor();
    expect((await item.innerText()).toLowerCase()).toContain('linkki');
    expect(await page.getByRole('status').innerText()).toMatch(/^1 arkistoitu tieto$/);
    await screenshots(page, 'archive');
    // axe needs JavaScript in the page: check the same list in a second, scripted context.
    const checker = await signedInPage();
    await checker.goto('/archive?kind=RESOURCE');
    await expectAccessibleInEveryLanguage(checker, 'archive');

    await item.getByRole('button', { name: /^Palauta/ }).click();
    await page.waitForURL((url) => url.pathname === resourceUrl);
    await page.locator('.flash').filter({ hasText: 'Palautettu arkistosta' }).waitFor();
    await page.goto('/archive?kind=RESOURCE');
    expect(await page.getByRole('status').innerText()).toBe('0 arkistoitua tietoa');
    await page.goto(`/history/${resourceUrl.split('/').pop()}`);
    const history = await page.locator('.revisions').innerText();
    expect(history).toContain('Palautettu arkistosta');
    expect(history).toContain('Arkistoitu');
  });
});

describe('tags across everything', () => {
  it('renames a tag that a best practice and an idea carry, and both follow', async () => {
    const page = await signedInPage();
    await page.goto('/best-practices/new');
    await page.locator('#field-title').fill('Lukudiplomi kouluille');
    await page.locator('#field-tags').fill('Lukuinto, Koulut');
    await save(page);
    const practiceUrl = new URL(page.url()).pathname;
    await page.goto('/ideas/new');
    await page.locator('#field-title').fill('Lukuintoviikko kirjastoautoissa');
    await page.locator('#field-tags').fill('Lukuinto, Lukemisen ilo');
    await save(page);
    const ideaUrl = new URL(page.url()).pathname;

    // A tag chip on a best practice opens the tag's page, which lists both kinds.
    await page.goto(practiceUrl);
    await page.locator('.tags').getByRole('link', { name: 'Lukuinto' }).click();
    await page.waitForURL((url) => url.pathname === '/tags/lukuinto');
    await page.getByRole('heading', { level: 1, name: 'Asiasana: Lukuinto' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: '1 hyvä käytäntö' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: '1 kehittämisidea' }).count()).toBe(1);
    expect(await page.getByRole('status').innerText()).toBe(
      '2 tietoa: 1 hyvä käytäntö, 1 kehittämisidea',
    );
    await screenshots(page, 'tag');
    await expectAccessibleInEveryLanguage(page, 'tag');

    // A name another tag has is refused beside the field.
    await page.locator('#field-name').fill('Koulut');
    await page.getByRole('button', { name: 'Tallenna uusi nimi' }).click();
    await page.locator('#field-name-error').filter({ hasText: 'on jo olemassa' }).waitFor();

    await page.locator('#field-name').fill('Lukuilo');
    await page.getByRole('button', { name: 'Tallenna uusi nimi' }).click();
    await page.waitForURL((url) => url.pathname === '/tags/lukuilo');
    await page.getByRole('heading', { level: 1, name: 'Asiasana: Lukuilo' }).waitFor();
    expect(await page.getByRole('link', { name: 'Lukudiplomi kouluille' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Lukuintoviikko kirjastoautoissa' }).count()).toBe(
      1,
    );
    for (const url of [practiceUrl, ideaUrl]) {
      await page.goto(url);
      const chips = await page.locator('.tags').innerText();
      expect(chips).toContain('Lukuilo');
      expect(chips).not.toContain('Lukuinto');
    }
    // The record's history says its tags changed.
    await page.getByRole('link', { name: 'Muutoshistoria ja aiemmat versiot' }).click();
    const latest = await page.locator('.revision').first().innerText();
    expect(latest).toContain('Asiasanat');
    expect(latest).toContain('Lukuilo');

    // The tags index lists it with its count.
    await page.goto('/tags');
    const entry = page.locator('.tag-index li').filter({ hasText: 'Lukuilo' });
    expect(await entry.innerText()).toContain('2 tietoa');
    await screenshots(page, 'tags');
    await expectAccessibleInEveryLanguage(page, 'tags');
  });

  it('merges one tag into another after confirming', async () => {
    const page = await signedInPage();
    await page.goto('/tags/lukemisen-ilo');
    await page.getByRole('heading', { level: 1, name: 'Asiasana: Lukemisen ilo' }).waitFor();
    await page.getByLabel('Asiasana, johon yhdistetään').selectOption({ label: 'Lukuilo' });
    await page.getByRole('button', { name: 'Jatka' }).click();
    await page
      .getByRole('heading', { name: 'Yhdistetäänkö ”Lukemisen ilo” asiasanaan ”Lukuilo”?' })
      .waitFor();
    expect(await page.locator('.confirm-archive').innerText()).toContain('1 kehittämisidea');
    await expectAccessible(page, 'fi merge confirmation');
    await screenshots(page, 'tag-merge');
    await page.getByRole('button', { name: 'Kyllä, yhdistä' }).click();
    await page.waitForURL((url) => url.pathname === '/tags/lukuilo');
    await page.locator('.flash').filter({ hasText: 'Asiasanat yhdistettiin' }).waitFor();
    await page.getByRole('link', { name: 'Lukuintoviikko kirjastoautoissa' }).click();
    const chips = await page.locator('.tags').innerText();
    expect(chips).toContain('Lukuilo');
    expect(chips).not.toContain('Lukemisen ilo');
    // The old address leads to the tag it went into; the archive says where it went.
    await page.goto('/tags/lukemisen-ilo');
    await page.waitForURL((url) => url.pathname === '/tags/lukuilo');
    await page.goto('/archive?kind=TAG');
    expect(
      await page.locator('.archive-item').filter({ hasText: 'Lukemisen ilo' }).innerText(),
    ).toContain('Yhdistetty asiasanaan Lukuilo');
  });
});
