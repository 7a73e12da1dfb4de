/**
 * End to end: Debian's Chromium (playwright-core) against the built web app and a real API,
 * everything on 127.0.0.1. Axe checks WCAG 2.1 A/AA on every page type in every language.
 */
import { mkdirSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, expectAccessible, signIn as signInAs } from './browser';
import { CURATOR, type World, startWorld } from './servers';

const SCREENSHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;

let world: World;
let browser: TestBrowser;

/** A new context that may only reach 127.0.0.1, watched for assets that are not served. */
async function newContext(options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  return browser.newContext(options);
}

async function signIn(page: Page): Promise<void> {
  await signInAs(page, CURATOR);
}

beforeAll(async () => {
  world = await startWorld();
  browser = await TestBrowser.launch(world.webUrl);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

// Every page a test opened must have had its stylesheets, scripts and images served.
afterEach(() => browser.expectNoFailedAssets());

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

describe('what `npm start` serves', () => {
  it('serves every page with its stylesheets, scripts and icon, styled and hydrated', async () => {
    const page = await (await newContext()).newPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    // Every asset the front page names answers (the afterEach hook checks what the browser
    // actually requested, on every page of every test).
    const assets = await page
      .locator('link[href^="/"], script[src^="/"]')
      .evaluateAll((nodes) =>
        nodes.map((n) => n.getAttribute('href') ?? n.getAttribute('src') ?? ''),
      );
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    for (const asset of assets) {
      const answer = await page.request.get(asset);
      expect(answer.status(), asset).toBe(200);
    }
    // Styled: the app's stylesheet applied (an unstyled page keeps the browser's 8 px margin).
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).not.toBe('8px');
    // Hydrated: the client script ran and Remix took over the page.
    await expect
      .poll(() => page.evaluate(() => typeof (window as { __remixRouter?: unknown }).__remixRouter))
      .toBe('object');
  });
});

describe('reading and searching', () => {
  it('searches "kyläily" from the header, shows highlighted results, and filters by a facet', async () => {
    const page = await (await newContext()).newPage();
    await page.goto('/');
    await page.locator('#header-q').fill('kyläily');
    await page.locator('#header-q').press('Enter');
    await page.waitForURL(/\/search\?q=ky/);
    await expect.poll(() => page.locator('.result').count()).toBeGreaterThan(0);
    expect(await page.locator('.result mark').count()).toBeGreaterThan(0);
    const status = await page.getByRole('status').first().textContent();
    const total = Number(/(\d+)/.exec(status ?? '')?.[1]);
    expect(total).toBeGreaterThan(0);

    // A facet: with JavaScript on, ticking it updates the results at once.
    const facet = page.locator('fieldset').filter({ hasText: 'Tyyppi' }).locator('input').first();
    const value = await facet.getAttribute('value');
    await facet.check();
    await page.waitForURL(new RegExp(`type=${value}`));
    await expect.poll(() => page.locator('.result').count()).toBeGreaterThan(0);
    const types = await page.locator('.result-type').allTextContents();
    expect(new Set(types).size).toBe(1);

    // As-you-type: the results follow the search box on the results page.
    await page.locator('#search-q').fill('mentorointi');
    await page.waitForURL(/q=mentorointi/);
    await expect.poll(() => page.locator('.result mark').count()).toBeGreaterThan(0);
  });

  it('offers "did you mean" for a misspelling', async () => {
    const page = await (await newContext()).newPage();
    // Nothing matches this misspelling, so the index's own words are offered instead.
    await page.goto(`/search?q=${encodeURIComponent('kyläilyvt')}`);
    const suggestions = page.locator('.did-you-mean a');
    await suggestions.first().waitFor();
    expect(await page.locator('.result').count()).toBe(0);
    await suggestions.first().click();
    await expect.poll(() => page.locator('.result').count()).toBeGreaterThan(0);
  });

  it('opens the 11.3.2019 meeting with its agenda, decisions, actions and the next meeting', async () => {
    const page = await (await newContext()).newPage();
    await page.goto('/meetings');
    await page.getByRole('link', { name: 'Työryhmän kokous 11.3.2019' }).click();
    await page.getByRole('heading', { level: 1, name: 'Työryhmän kokous 11.3.2019' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('11.3.2019 klo 13.00–15.00');
    expect(text).toContain('Osallistujat');
    expect(text).toContain('Mentorointi, kyläilyt');
    expect(text).toContain('Päätökset');
    expect(text).toContain('Vastuu');
    expect(text).toContain('Seuraava kokous');
    expect(text).toContain('17.5.2019 klo 10.00');
    expect(text).toMatch(/Nöömanni/);
  });

  it('lists trainings by season with a subscribe link to the calendar feed', async () => {
    const page = await (await newContext()).newPage();
    await page.goto('/trainings');
    const link = page.getByRole('link', { name: /Tilaa koulutuskalenteri/ });
    expect(await link.getAttribute('href')).toBe('/calendar.ics?kind=training');
    const response = await page.request.get('/calendar.ics?kind=training');
    expect(response.headers()['content-type']).toMatch(/text\/calendar/);
    expect(await response.text()).toContain('BEGIN:VCALENDAR');
    expect(await page.locator('main').innerText()).toMatch(/Kevät 2019|Syksy 2019/);
  });

  it('draws programme coverage as SVG with the figures as a table', async () => {
    const page = await (await newContext()).newPage();
    await page.goto('/mentoring');
    expect(await page.locator('figure.chart svg rect').count()).toBeGreaterThan(0);
    const table = await page.locator('figure.chart table').first().innerText();
    expect(table).toContain('37');
    expect(table).toContain('16');
    expect(table).toContain('6');
  });

  it('switches language fi → sv → en', async () => {
    const page = await (await newContext()).newPage();
    await page.goto('/resources');
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    await page.getByRole('link', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Länkar');
    expect(new URL(page.url()).pathname).toBe('/resources');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Links');
    // Finnish content keeps its own language on the English page.
    expect(await page.locator('main [lang="fi"]').count()).toBeGreaterThan(0);
  });
});

describe('curating', () => {
  let resourcePath = '';
  let practicePath = '';

  it('signs in, refuses a javascript: URL next to the field, prefills from the page and adds a link', async () => {
    const page = await (await newContext()).newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Sähköposti').fill(CURATOR.email);
    await page.getByLabel('Salasana').fill('väärä salasana');
    await page.locator('main').getByRole('button').click();
    await page.locator('#field-password-error').waitFor();
    expect(await page.locator('#field-password-error').innerText()).toContain(
      'Sähköposti tai salasana on väärin',
    );
    await signIn(page);

    await page.goto('/resources/new');
    await page.getByLabel('Osoite (URL)').fill('javascript:alert(1)');
    await page.getByLabel('Otsikko').fill('Vaarallinen');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.locator('#field-url-error').waitFor();
    expect(await page.locator('#field-url-error').innerText()).toContain('http://');
    expect(await page.getByLabel('Osoite (URL)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Otsikko').inputValue()).toBe('Vaarallinen');
    await expectAccessible(page, 'resource form with errors');

    await page.getByLabel('Osoite (URL)').fill(`${world.pageUrl}/kirjastopaiva`);
    await page.getByLabel('Otsikko').fill('');
    await page.getByRole('button', { name: 'Hae otsikko ja kuvaus sivulta' }).click();
    await expect
      .poll(() => page.getByLabel('Otsikko').inputValue())
      .toBe('Kirjastopäivä 2026 – Oulun kaupunginkirjasto');
    expect(await page.getByLabel('Kuvaus').inputValue()).toContain('Koko päivän ohjelma');
    await page.getByLabel('Asiasanat').fill('koulutus, kirjastopäivä');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.waitForURL(/\/resources\/[\w-]+$/);
    await page.getByRole('heading', { level: 1, name: /Kirjastopäivä 2026/ }).waitFor();
    resourcePath = new URL(page.url()).pathname;
    expect(await page.locator('.tags').innerText()).toContain('kirjastopäivä');

    // The same URL again: the API's DUPLICATE, shown at the field with a link to the saved one.
    await page.goto('/resources/new');
    await page.getByLabel('Osoite (URL)').fill(`${world.pageUrl}/kirjastopaiva`);
    await page.getByLabel('Otsikko').fill('Toinen kerta');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.locator('#field-url-error').waitFor();
    expect(await page.locator('#field-url-error').innerText()).toContain('jo tallennettu');
    expect(
      await page.getByRole('link', { name: 'Katso tallennettu linkki' }).getAttribute('href'),
    ).toBe(resourcePath);
  });

  it('shows the latest link check as a badge, and broken links in a view of their own', async () => {
    await world.checkLinks();
    const page = await (await newContext()).newPage();
    await signIn(page);
    await page.goto('/resources');
    const working = page.locator('.card', { hasText: `${world.pageUrl}/kirjastopaiva` });
    expect(await working.getByTestId('link-health').innerText()).toBe('Linkki toimii');
    await page.getByRole('link', { name: 'Rikkinäiset linkit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rikkinäiset linkit' }).waitFor();
    const cards = page.locator('.card');
    expect(await cards.count()).toBe(1);
    expect(await cards.first().innerText()).toContain('Poistunut sivu (rikkinäinen linkki)');
    expect(await cards.first().getByTestId('link-health').innerText()).toBe('Linkki rikki');
    await cards.first().locator('h2 a').click();
    await page.getByRole('heading', { level: 1, name: /Poistunut sivu/ }).waitFor();
    expect(await page.getByTestId('link-health').innerText()).toBe('Linkki rikki');
    expect(await page.locator('.link-health').innerText()).toContain('HTTP-tila 404');
  });

  it('imports a memo: preview beside the text, a bad file named, then saved as a meeting', async () => {
    const page = await (await newContext()).newPage();
    await signIn(page);
    await page.goto('/meetings');
    await page.getByRole('link', { name: 'Tuo muistio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tuo muistio' }).waitFor();

    await page.getByLabel('Muistiotiedosto').setInputFiles({
      name: 'muistio.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('%PDF-1.7 not a Word file'),
    });
    await page.getByRole('button', { name: 'Esikatsele' }).click();
    await page.locator('#field-file-error').waitFor();
    expect(await page.locator('#field-file-error').innerText()).toContain('Word-asiakirja');

    const memo =
      '**Alueellinen asiakaskokemuksen kehittämisen työryhmä**\n\n**Aika: ma 4.11.2019 klo 13.00 - 15.00**\n\n**Teams-kokous**\n\n' +
      '**Osallistujat:** Minna Männikkö (Oulun kaupunginkirjasto, pj.), Isa Kotilaine (Oulun kaupunginkirjasto, siht.)\n\n' +
      '**Käsiteltävät asiat:**\n\n**1. Syksyn koulutuspäivä**\n\n- Sovittiin koulutuspäivän ohjelmasta.\n- Kartoitetaan puhujia.\n';
    await page.getByLabel('Muistiotiedosto').setInputFiles({
      name: 'muistio-2019-11-04.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(memo),
    });
    await page.getByRole('button', { name: 'Esikatsele' }).click();
    await page.getByRole('heading', { name: 'Muistiosta luettu' }).waitFor();
    const draft = page.locator('.memo-draft');
    expect(await draft.innerText()).toContain(
      'Minna Männikkö, Oulun kaupunginkirjasto (puheenjohtaja)',
    );
    expect(await draft.innerText()).toContain('Päätös: Sovittiin koulutuspäivän ohjelmasta.');
    expect(await page.getByLabel('Muistion teksti').inputValue()).toContain('4.11.2019');
    await expectAccessible(page, 'memo import preview');
    await page.screenshot({
      path: `${SCREENSHOTS}memo-import-preview-desktop.png`,
      fullPage: true,
    });

    await page.getByRole('button', { name: 'Tallenna kokous' }).click();
    await page.getByRole('heading', { level: 1, name: 'Työryhmän kokous 4.11.2019' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Syksyn koulutuspäivä');
  });

  it('resolves an edit conflict between two curators without losing either version', async () => {
    expect(resourcePath).not.toBe('');
    const first = await (await newContext()).newPage();
    const second = await (await newContext()).newPage();
    await signIn(first);
    await signIn(second);
    await first.goto(`${resourcePath}/edit`);
    await second.goto(`${resourcePath}/edit`);

    await first.getByLabel('Otsikko').fill('Kirjastopäivä 2026 (ensimmäisen muokkaus)');
    await first.getByRole('button', { name: 'Tallenna' }).click();
    await first.waitForURL((url) => url.pathname === resourcePath);

    await second.getByLabel('Kuvaus').fill('Toisen kuraattorin kuvaus');
    await second.getByRole('button', { name: 'Tallenna' }).click();
    await second.locator('.conflict').waitFor();
    expect(await second.getByTestId('saved-title').innerText()).toBe(
      'Kirjastopäivä 2026 (ensimmäisen muokkaus)',
    );
    expect(await second.getByTestId('yours-description').innerText()).toBe(
      'Toisen kuraattorin kuvaus',
    );
    expect(await second.getByLabel('Kuvaus').inputValue()).toBe('Toisen kuraattorin kuvaus');
    await expectAccessible(second, 'edit conflict');

    // Re-apply: keep the other's title, then save my description on top of the saved version.
    await second.getByLabel('Otsikko').fill('Kirjastopäivä 2026 (ensimmäisen muokkaus)');
    await second.getByRole('button', { name: 'Tallenna minun versioni' }).click();
    await second.waitForURL((url) => url.pathname === resourcePath);
    const text = await second.locator('main').innerText();
    expect(text).toContain('Kirjastopäivä 2026 (ensimmäisen muokkaus)');
    expect(text).toContain('Toisen kuraattorin kuvaus');
  });

  it('writes a best practice in Markdown, rendered without raw HTML or script URLs', async () => {
    const page = await (await newContext()).newPage();
    await signIn(page);
    await page.goto('/best-practices/new');
    await page.getByLabel('Otsikko').fill('Kyläilypäivän malli');
    await page
      .getByLabel('Teksti (Markdown)')
      .fill(
        '**Tärkeintä** on [ohjelma](https://example.org/).\n\n<script>alert(1)</script>\n\n[paha](javascript:alert(1))',
      );
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kyläilypäivän malli' }).waitFor();
    practicePath = new URL(page.url()).pathname;
    const html = await page.locator('.markdown').innerHTML();
    expect(html).toContain('<strong>Tärkeintä</strong>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
  });

  it('edits a best practice: a field error, a conflict kept side by side, then archives it', async () => {
    expect(practicePath).toMatch(/^\/best-practices\/[\w-]+$/);
    // Two tabs of one curator are enough for a stale version.
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page);
    await page.goto(practicePath);
    await page.getByRole('link', { name: 'Muokkaa' }).click();
    await page.waitForURL((url) => url.pathname === `${practicePath}/edit`);
    await page.getByLabel('Otsikko').fill('');
    await page.getByLabel('Tiivistelmä').fill('Näin kyläilypäivä järjestetään.');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.locator('#field-title-error').waitFor();
    expect(await page.getByLabel('Otsikko').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Tiivistelmä').inputValue()).toBe(
      'Näin kyläilypäivä järjestetään.',
    );

    const other = await context.newPage();
    await other.goto(`${practicePath}/edit`);
    await other.getByLabel('Otsikko').fill('Kyläilypäivän malli (muokattu)');
    await other.getByRole('button', { name: 'Tallenna' }).click();
    await other.waitForURL((url) => url.pathname === practicePath);

    await page.getByLabel('Otsikko').fill('Kyläilypäivän malli');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.locator('.conflict').waitFor();
    expect(await page.getByTestId('saved-title').innerText()).toBe(
      'Kyläilypäivän malli (muokattu)',
    );
    expect(await page.getByTestId('yours-summary').innerText()).toBe(
      'Näin kyläilypäivä järjestetään.',
    );
    expect(await page.getByLabel('Tiivistelmä').inputValue()).toBe(
      'Näin kyläilypäivä järjestetään.',
    );
    await expectAccessible(page, 'best practice edit conflict');
    await page.getByLabel('Otsikko').fill('Kyläilypäivän malli (muokattu)');
    await page.getByRole('button', { name: 'Tallenna minun versioni' }).click();
    await page.waitForURL((url) => url.pathname === practicePath);
    await page.getByRole('heading', { level: 1, name: 'Kyläilypäivän malli (muokattu)' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Näin kyläilypäivä järjestetään.');

    // Archive: the button asks first, the second POST archives.
    await page.getByRole('button', { name: 'Arkistoi' }).click();
    await page.getByRole('heading', { name: 'Arkistoidaanko tämä?' }).waitFor();
    await expectAccessible(page, 'archive confirmation');
    await page.getByRole('button', { name: 'Kyllä, arkistoi' }).click();
    await page.waitForURL((url) => url.pathname === '/best-practices');
    await page.getByText('Hyvä käytäntö arkistoitiin.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Kyläilypäivän malli');
    const gone = await page.goto(practicePath);
    expect(gone?.status()).toBe(404);
  });
});

describe('without JavaScript', () => {
  it('searches, filters and sends accessibility feedback with plain forms', async () => {
    const page = await (await newContext({ javaScriptEnabled: false })).newPage();
    await page.goto('/');
    await page.locator('#header-q').fill('kyläily');
    await page.locator('.header-search button').click();
    await page.waitForURL(/\/search\?q=ky/);
    expect(await page.locator('.result').count()).toBeGreaterThan(0);
    const facet = page.locator('fieldset').filter({ hasText: 'Tyyppi' }).locator('input').first();
    const value = await facet.getAttribute('value');
    await facet.check();
    await page.getByRole('button', { name: 'Rajaa' }).click();
    await page.waitForURL(new RegExp(`type=${value}`));
    expect(await page.locator('.result').count()).toBeGreaterThan(0);

    await page.goto('/accessibility');
    await page.getByRole('button', { name: 'Lähetä palaute' }).click();
    await page.locator('#field-message-error').waitFor();
    await page.getByRole('textbox', { name: 'Palaute' }).fill('Kontrasti on hyvä, kiitos.');
    await page.getByRole('button', { name: 'Lähetä palaute' }).click();
    await page.getByText('Kiitos palautteesta!').waitFor();
    // Stored in the database (through the API), not on the web server's disk.
    expect((await world.feedback())[0]).toMatchObject({
      message: 'Kontrasti on hyvä, kiitos.',
    });
  });

  it("changes an idea's status and follow-up, then archives it, with plain forms", async () => {
    const page = await (await newContext({ javaScriptEnabled: false })).newPage();
    await signIn(page);
    await page.goto('/ideas');
    const link = page.locator('.card h3 a').first();
    const title = (await link.innerText()).trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const ideaPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Muokkaa' }).click();
    await page.waitForURL((url) => url.pathname === `${ideaPath}/edit`);
    await page.getByLabel('Tila').selectOption('IN_PROGRESS');
    await page.getByLabel('Jatkotoimet').fill('Kokeillaan keväällä kolmessa kirjastossa.');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.waitForURL((url) => url.pathname === ideaPath);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Tila: Työn alla');
    expect(text).toContain('Kokeillaan keväällä kolmessa kirjastossa.');
    await page.goto('/ideas');
    expect(
      await page
        .locator('section')
        .filter({ has: page.getByRole('heading', { level: 2, name: 'Työn alla' }) })
        .getByRole('link', { name: title })
        .count(),
    ).toBe(1);

    // Archive it, through the confirmation: two plain POST forms.
    await page.goto(ideaPath);
    await page.getByRole('button', { name: 'Arkistoi' }).click();
    await page.getByRole('button', { name: 'Kyllä, arkistoi' }).click();
    await page.waitForURL((url) => url.pathname === '/ideas');
    await page.getByText('Kehittämisidea arkistoitiin.').waitFor();
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);
  });

  it('refuses a POST without the CSRF token', async () => {
    const response = await fetch(`${world.webUrl}/accessibility`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'message=hei',
    });
    expect(response.status).toBe(403);
  });
});

describe('accessibility (axe, WCAG 2.1 A/AA) and screenshots', () => {
  it('finds no violation on any page type in fi, sv and en', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page);
    // Record paths from the lists, so the detail pages are real ones.
    await page.goto('/meetings');
    const meeting = await page
      .getByRole('link', { name: 'Työryhmän kokous 11.3.2019' })
      .getAttribute('href');
    await page.goto('/resources');
    const resource = await page.locator('.card h2 a').first().getAttribute('href');
    await page.goto('/best-practices');
    const practice = await page.locator('.card h2 a').first().getAttribute('href');
    await page.goto('/ideas');
    const idea = await page.locator('.card h3 a').first().getAttribute('href');
    const paths = [
      '/',
      '/search?q=kyl%C3%A4ily',
      '/resources',
      '/resources?broken=1',
      `${resource}`,
      '/resources/new',
      `${resource}/edit`,
      '/best-practices',
      `${practice}`,
      '/best-practices/new',
      `${practice}/edit`,
      '/ideas',
      `${idea}`,
      '/ideas/new',
      `${idea}/edit`,
      '/meetings',
      '/meetings/import',
      `${meeting}`,
      '/trainings',
      '/mentoring',
      '/organisations',
      '/accessibility',
      '/sign-in',
      '/no-such-page',
    ];
    const checked: string[] = [];
    for (const lang of ['fi', 'sv', 'en']) {
      await page.goto(`/lang?to=${lang}&back=/`);
      for (const path of paths) {
        await page.goto(path);
        expect(await page.locator('html').getAttribute('lang'), `${lang} ${path}`).toBe(lang);
        await expectAccessible(page, `${lang} ${path}`);
        checked.push(`${lang} ${path}`);
        if (lang === 'fi' && !path.includes('new') && !path.includes('edit')) {
          const name =
            path === '/' ? 'home' : path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
          await page.screenshot({ path: `${SCREENSHOTS}${name}-desktop.png`, fullPage: true });
        }
      }
    }
    expect(checked).toHaveLength(paths.length * 3);

    const phone = await (await newContext({ width: 390 })).newPage();
    for (const path of ['/', '/search?q=kyl%C3%A4ily', `${meeting}`, '/mentoring', '/trainings']) {
      await phone.goto(path);
      await expectAccessible(phone, `phone ${path}`);
      const name = path === '/' ? 'home' : path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
      await phone.screenshot({ path: `${SCREENSHOTS}${name}-phone.png`, fullPage: true });
    }
  });
});
