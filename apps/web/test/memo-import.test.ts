// A memo arrives as a Word file: the import page previews what will be saved (people and
// organisations as the records they resolve to, warnings in Finnish), and the saved meeting
// page shows the same.
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, expectAccessible, signIn } from './browser';
import { type World, startWorld } from './servers';

const SCREENSHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;
const FIXTURES = new URL('../../../packages/memo/test/fixtures/docx/', import.meta.url);
const DOCX = new URL('variant-agenda-participants.pandoc.docx', FIXTURES);
const TWO_DAYS = new URL('variant-headings-two-days.pandoc.docx', FIXTURES);

let world: World;
let browser: TestBrowser;

/** "Heidi Tuikka, Kajaanin kaupunginkirjasto (…)" → "Heidi Tuikka, Kajaanin kaupunginkirjasto". */
const person = (line: string) => line.split(/ \(| – /u)[0]!.trim();

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

describe('memo import from a Word file', () => {
  it('previews the resolved records and Finnish warnings, and saves exactly that', async () => {
    const page = await browser.newPage({ width: 1366 });
    await signIn(page);
    await page.goto('/meetings/import');
    await page.getByLabel('Muistiotiedosto').setInputFiles({
      name: 'muistio-2019-11-11.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: readFileSync(DOCX),
    });
    await page.getByRole('button', { name: 'Esikatsele' }).click();
    const preview = page.locator('.memo-draft');
    await preview.waitFor();

    // The people listed under "1. Kokouksen avaus", as the records they will be linked to:
    // "Heidi Tuikka (Kainet, Kajaani)" is Kajaani's library, not the Kainet network.
    const previewed = (await preview.locator('.memo-participants > li').allInnerTexts()).map(
      person,
    );
    expect(previewed).toEqual([
      'Minna Männikkö, Oulun kaupunginkirjasto',
      'Isa Kotilaine, Oulun kaupunginkirjasto',
      'Heidi Tuikka, Kajaanin kaupunginkirjasto',
      'Arja Nevala, Raahen kaupunginkirjasto',
      'Pirjo Tuomimäki, Sievin kunnankirjasto',
    ]);
    const text = await preview.innerText();
    expect(text).not.toContain('Kainet');
    // The planned training day, and warnings worded in Finnish from their codes.
    expect(text).toContain('Koulutuspäivä: asiakaspalvelu vaikeissa tilanteissa (12.11.2019)');
    expect(await preview.locator('.memo-warnings > li').first().innerText()).toBe(
      'Suunniteltu koulutus luettiin tekstistä. Tarkista se: ”Koulutuspäivä pidetään 12.11.2019 Oulussa, aiheena asiakaspalvelu vaikeissa tilanteissa.”',
    );
    expect(text).not.toMatch(/read from the text|New person|check it/u);
    expect(await page.getByLabel('Muistion teksti').inputValue()).toContain('Läsnä:');
    await expectAccessible(page, 'memo import preview');
    await page.screenshot({ path: `${SCREENSHOTS}memo-import-docx-1366.png`, fullPage: true });

    await page.getByRole('button', { name: 'Tallenna kokous' }).click();
    await page.getByRole('heading', { level: 1, name: 'Työryhmän kokous 11.11.2019' }).waitFor();
    const saved = (await page.locator('ul.participants > li').allInnerTexts()).map(person);
    expect(saved).toEqual(previewed);
    expect(await page.locator('main').innerText()).toContain('Koulutuspäivä');
  });

  it('previews a two-day meeting on a phone, saying how it is saved', async () => {
    const page = await browser.newPage({ width: 390 });
    await signIn(page);
    await page.goto('/meetings/import');
    await page.getByLabel('Muistiotiedosto').setInputFiles({
      name: 'muistio-2019-10-08.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: readFileSync(TWO_DAYS),
    });
    await page.getByRole('button', { name: 'Esikatsele' }).click();
    const preview = page.locator('.memo-draft');
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toContain('8.10.2019 klo 12.00 – 9.10.2019 klo 14.00');
    expect(text).toContain(
      'Kokous kestää 2 päivää. Se tallennetaan yhtenä kokouksena, joka alkaa ensimmäisenä päivänä ja päättyy viimeisenä.',
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}memo-import-docx-390.png`, fullPage: true });
  });

  it.each([
    ['sv', 'Förhandsvisa', 'En planerad utbildning lästes ur texten. Kontrollera den:'],
    ['en', 'Preview', 'A planned training was read from the text. Please check it:'],
  ])('words the preview and its warnings in %s, accessibly', async (lang, button, warning) => {
    const page = await browser.newPage({ width: 1366 });
    await signIn(page);
    await page.goto(`/meetings/import?lang=${lang}`);
    await page.locator('#field-file').setInputFiles({
      name: 'muistio-2019-11-11.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: readFileSync(DOCX),
    });
    await page.getByRole('button', { name: button }).click();
    const preview = page.locator('.memo-draft');
    await preview.waitFor();
    // Imported by the first test already; its warnings still show, in this language.
    const text = await preview.innerText();
    expect(text).toContain(warning);
    expect(text).not.toContain('Tarkista se');
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await expectAccessible(page, `memo import preview (${lang})`);
  });
});
