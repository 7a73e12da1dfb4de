/**
 * End to end, in real Chromium against the built web app and a real API: a curator records a
 * meeting in the browser alone (with and without JavaScript), corrects an imported memo in the
 * same editor, meets a stale edit and bad input, carries open actions over to the next meeting,
 * and closes an action from the list of actions (tehtävät). Screenshots at 1366 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import { helsinkiDate } from '@ake/domain';
import { Person, User, openDatabase } from '@ake/domain/orm';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, expectAccessible, signIn } from './browser';
import { CURATOR, type World, startWorld } from './servers';

const SCREENSHOTS = new URL('../test-results/screenshots/', import.meta.url).pathname;
const DAY = 24 * 60 * 60 * 1000;

let world: World;
let browser: TestBrowser;

function newContext(options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  return browser.newContext({ width: 1366, ...options });
}

async function curatorPage(options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const page = await (await newContext(options)).newPage();
  await signIn(page, CURATOR);
  return page;
}

/** A form control by its name (the API's path of the field). */
const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

/** A Helsinki wall-clock time `days` from now, for a datetime-local field. */
const at = (days: number, time: string) =>
  `${helsinkiDate(new Date(Date.now() + days * DAY))}T${time}`;
const dateIn = (days: number) => helsinkiDate(new Date(Date.now() + days * DAY));

/** Clicks a submit button and waits for the page it brings (with or without JavaScript). */
async function submit(page: Page, name: string | RegExp) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name, exact: typeof name === 'string' }).click(),
  ]);
  await page.waitForLoadState('load');
}

/** Waits for a meeting's own page (not /meetings/new or /meetings/import) and gives its path. */
async function meetingPage(page: Page): Promise<string> {
  await page.waitForURL((u) => /^\/meetings\/(?!new$|import$)[^/]+$/.test(u.pathname));
  return new URL(page.url()).pathname;
}

async function shoot(page: Page, path: string, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    await page.screenshot({ path: `${SCREENSHOTS}${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
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

describe('meetings curated in the web app', () => {
  let meetingUrl = '';

  it('creates a meeting with two agenda items, a decision and two actions, in the browser alone', async () => {
    const page = await curatorPage();
    await page.goto('/meetings');
    await page.getByRole('link', { name: 'Uusi kokous' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uusi kokous' }).waitFor();
    await expectAccessible(page, 'new meeting form');

    await field(page, 'title').fill('Syksyn tehtäväkokous');
    await field(page, 'startsAt').fill(at(-10, '13:00'));
    await field(page, 'endsAt').fill(at(-10, '15:00'));
    await page.getByLabel('Kokousmuoto').selectOption('HYBRID');
    await field(page, 'venue.room').fill('Nöömanni');
    await field(page, 'venue.floor').fill('4. kerros');
    await field(page, 'venue.building').fill('Oulun pääkirjasto');
    await field(page, 'venue.town').fill('Oulu');
    await field(page, 'remoteTool').fill('Teams');
    await field(page, 'remoteUrl').fill('https://teams.example.org/kokous');

    await field(page, 'participants.0.personId').selectOption({ label: 'Minna Männikkö' });
    await page.locator('[name="participants.0.roles"][value="CHAIR"]').check();
    await submit(page, 'Lisää osallistuja');
    await field(page, 'participants.1.personId').selectOption({ label: 'Isa Kotilaine' });
    await page.locator('[name="participants.1.roles"][value="SECRETARY"]').check();
    await submit(page, 'Lisää osallistuja');
    await field(page, 'participants.2.personId').selectOption({ label: 'Heidi Tuikka' });
    await field(page, 'participants.2.attendance').selectOption('ABSENT');

    await field(page, 'agenda.0.title').fill('Koulutusten suunnittelu');
    await field(page, 'agenda.0.notes').fill('Keskusteltiin kevään koulutuksista.');
    await submit(page, 'Lisää tehtävä asiaan 1');
    await field(page, 'agenda.0.actions.0.description').fill('Kartoitetaan lumikenkäkouluttajat');
    await field(page, 'agenda.0.actions.0.ownerId').selectOption({ label: 'Isa Kotilaine' });
    await field(page, 'agenda.0.actions.0.dueDate').fill(dateIn(-3));
    await submit(page, 'Lisää asia');
    await field(page, 'agenda.1.title').fill('Kyläilyt');
    await field(page, 'agenda.1.decisions').fill('Päätettiin jatkaa kyläilyjä keväällä.');
    await submit(page, 'Lisää tehtävä asiaan 2');
    await field(page, 'agenda.1.actions.0.description').fill('Kootaan kyläilykokemukset');
    await field(page, 'agenda.1.actions.0.ownerId').selectOption({ label: 'Minna Männikkö' });
    await field(page, 'agenda.1.actions.0.dueDate').fill(dateIn(60));
    // Values entered before the row buttons are still there.
    expect(await field(page, 'agenda.0.actions.0.description').inputValue()).toBe(
      'Kartoitetaan lumikenkäkouluttajat',
    );
    expect(
      await field(page, 'participants.0.personId').locator('option:checked').textContent(),
    ).toBe('Minna Männikkö');
    await page.screenshot({ path: `${SCREENSHOTS}meeting-editor-filled-1366.png`, fullPage: true });

    await submit(page, 'Tallenna');
    meetingUrl = await meetingPage(page);
    await page.getByRole('heading', { level: 1, name: 'Syksyn tehtäväkokous' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Koulutusten suunnittelu');
    expect(text).toContain('Kyläilyt');
    expect(text).toContain('Päätettiin jatkaa kyläilyjä keväällä.');
    expect(text).toContain('Kartoitetaan lumikenkäkouluttajat');
    expect(text).toContain('Kootaan kyläilykokemukset');
    expect(text).toMatch(/Heidi Tuikka[^\n]*poissa/);
    expect(text).toContain('Nöömanni');
    expect(text).toContain('https://teams.example.org/kokous');
    // A past meeting is held without anyone marking it so.
    expect(await page.locator('.meeting-status').innerText()).toBe('pidetty');
    // The first action is past its due date: said in words.
    expect(text).toMatch(/Kartoitetaan lumikenkäkouluttajat[^\n]*\n?[^\n]*Myöhässä/i);
    await expectAccessible(page, 'meeting page');
    await shoot(page, meetingUrl, 'meeting-page');
    await shoot(page, `${meetingUrl}/edit`, 'meeting-editor');
  });

  it('adds and removes rows without JavaScript, keeping what was typed', async () => {
    const page = await curatorPage({ javaScriptEnabled: false });
    await page.goto('/meetings/new');
    await field(page, 'title').fill('Ilman JavaScriptiä');
    await field(page, 'startsAt').fill(at(20, '10:00'));
    await field(page, 'agenda.0.title').fill('Ensimmäinen asia');
    await submit(page, 'Lisää asia');
    expect(await field(page, 'title').inputValue()).toBe('Ilman JavaScriptiä');
    expect(await field(page, 'agenda.0.title').inputValue()).toBe('Ensimmäinen asia');
    await field(page, 'agenda.1.title').fill('Toinen asia');
    await submit(page, 'Lisää tehtävä asiaan 2');
    await field(page, 'agenda.1.actions.0.description').fill('Tehtävä ilman skriptejä');
    await submit(page, 'Lisää asia');
    await field(page, 'agenda.2.title').fill('Poistettava asia');
    await submit(page, 'Poista asia 3');
    expect(await page.locator('[name="agenda.2.title"]').count()).toBe(0);
    expect(await field(page, 'agenda.1.actions.0.description').inputValue()).toBe(
      'Tehtävä ilman skriptejä',
    );
    await submit(page, 'Tallenna');
    await page.getByRole('heading', { level: 1, name: 'Ilman JavaScriptiä' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Toinen asia');
    expect(text).toContain('Tehtävä ilman skriptejä');
    expect(text).not.toContain('Poistettava asia');
    // Planned and still ahead.
    expect(await page.locator('.meeting-status').innerText()).toBe('suunniteltu');
  });

  it('shows field errors beside the fields and in a summary for bad input', async () => {
    const page = await curatorPage();
    await page.goto('/meetings/new');
    await field(page, 'title').fill('Virheellinen kokous');
    await field(page, 'startsAt').fill(at(5, '15:00'));
    await field(page, 'endsAt').fill(at(5, '13:00'));
    await field(page, 'remoteUrl').fill('javascript:alert(1)');
    await field(page, 'agenda.0.notes').fill('Asialla ei ole otsikkoa');
    await submit(page, 'Tallenna');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Kokous ei voi päättyä ennen kuin se alkaa.');
    const endsAt = field(page, 'endsAt');
    expect(await endsAt.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[id="field-endsAt-error"]').innerText()).toContain(
      'Kokous ei voi päättyä ennen kuin se alkaa.',
    );
    expect(await page.locator('[id="field-remoteUrl-error"]').innerText()).toContain('http');
    expect(await page.locator('[id="field-agenda.0.title-error"]').innerText()).toMatch(
      /pakollinen/i,
    );
    // What was typed stays.
    expect(await field(page, 'agenda.0.notes').inputValue()).toBe('Asialla ei ole otsikkoa');
    await expectAccessible(page, 'meeting form with errors');
  });

  it('shows a stale edit as a conflict with both versions, and re-applies the curator’s', async () => {
    expect(meetingUrl).not.toBe('');
    const first = await curatorPage();
    const second = await curatorPage();
    await first.goto(`${meetingUrl}/edit`);
    await second.goto(`${meetingUrl}/edit`);
    await field(first, 'title').fill('Syksyn tehtäväkokous (korjattu)');
    await submit(first, 'Tallenna');
    await first.waitForURL(new RegExp(`${meetingUrl}$`));

    await field(second, 'agenda.0.title').fill('Koulutukset ja kouluttajat');
    await submit(second, 'Tallenna');
    const conflict = second.locator('.conflict');
    await conflict.waitFor();
    expect(await second.getByTestId('yours-title').innerText()).toBe('Syksyn tehtäväkokous');
    expect(await second.getByTestId('saved-title').innerText()).toBe(
      'Syksyn tehtäväkokous (korjattu)',
    );
    expect(await second.getByTestId('yours-agenda').innerText()).toContain(
      'Koulutukset ja kouluttajat',
    );
    expect(await second.getByTestId('saved-agenda').innerText()).toContain(
      'Koulutusten suunnittelu',
    );
    await expectAccessible(second, 'meeting conflict');
    await second.screenshot({ path: `${SCREENSHOTS}meeting-conflict-1366.png`, fullPage: true });

    await submit(second, 'Tallenna minun versioni');
    await second.waitForURL(new RegExp(`${meetingUrl}$`));
    expect(await second.locator('main').innerText()).toContain('Koulutukset ja kouluttajat');
  });

  it("shows the earlier meetings' open actions on the next one and carries them over to its agenda", async () => {
    const page = await curatorPage();
    await page.goto('/meetings/new');
    await field(page, 'title').fill('Seuraava tehtäväkokous');
    await field(page, 'startsAt').fill(at(30, '10:00'));
    await field(page, 'agenda.0.title').fill('Avaus');
    const carry = page.locator('.carry-over');
    await carry.getByLabel(/Kootaan kyläilykokemukset/).check();
    await submit(page, 'Lisää valitut asialistalle');
    expect(await field(page, 'agenda.1.title').inputValue()).toBe('Kootaan kyläilykokemukset');
    expect(await field(page, 'agenda.1.notes').inputValue()).toContain('Minna Männikkö');
    expect(await field(page, 'agenda.0.title').inputValue()).toBe('Avaus');
    await submit(page, 'Tallenna');
    await page.getByRole('heading', { level: 1, name: 'Seuraava tehtäväkokous' }).waitFor();
    const earlier = page.locator('section', {
      has: page.getByRole('heading', { name: 'Aiempien kokousten avoimet tehtävät' }),
    });
    const text = await earlier.innerText();
    expect(text).toContain('Kartoitetaan lumikenkäkouluttajat');
    expect(text).toContain('Kootaan kyläilykokemukset');
    expect(await page.locator('.agenda').innerText()).toContain('Kootaan kyläilykokemukset');
  });

  it('corrects an imported memo in the same editor, the memo kept as its source', async () => {
    const page = await curatorPage();
    await page.goto('/meetings/import');
    const memo = [
      '**Alueellinen asiakaskokemuksen kehittämisen työryhmä**',
      '',
      '**Aika: ti 10.11.2026 klo 13.00 - 14.00**',
      '',
      '**Skype-kokous**',
      '',
      '**Osallistujat:** Minna Männikkö (Oulun kaupunginkirjasto, pj.), Isa Kotilaine (Oulun kaupunginkirjasto, siht.), Arja Nevala (OUTI, Raahe)',
      '',
      '**Käsiteltävät asiat:**',
      '',
      '**1. Syksyn kuulumiset**',
      '',
      'Jäsenet kertoivat syksyn kuulumisista.',
    ].join('\n');
    await page.locator('textarea[name="text"]').fill(memo);
    await submit(page, 'Esikatsele');
    await submit(page, 'Tallenna kokous');
    const importedUrl = await meetingPage(page);
    expect(await page.locator('main').innerText()).toContain('Arja Nevala');

    await page.getByRole('link', { name: 'Muokkaa' }).click();
    await page.waitForURL(/\/edit$/);
    // The memo opens in the editor with its source text beside it. (The URL can change before
    // the editor has replaced the meeting page, which has a .memo-source of its own: wait for it.)
    await page.locator('.memo-source', { hasText: 'Lähde: alkuperäinen muistio' }).waitFor();
    expect(await page.locator('.memo-source').innerText()).toContain('Lähde: alkuperäinen muistio');
    const names = await page
      .locator('select[name$=".personId"]')
      .evaluateAll((selects) =>
        selects.map((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''),
      );
    const arja = names.indexOf('Arja Nevala');
    expect(arja).toBeGreaterThanOrEqual(0);
    // Arja was at the meeting for another library: pick it from the directory.
    const option = field(page, `participants.${arja}.organisationId`).locator('option', {
      hasText: 'Raahen',
    });
    const orgName = (await option.first().textContent()) ?? '';
    await field(page, `participants.${arja}.organisationId`).selectOption({ label: orgName });
    await page.locator(`[name="participants.${arja}.roles"][value="VICE_CHAIR"]`).check();
    await submit(page, 'Tallenna');
    await page.waitForURL(new RegExp(`${importedUrl}$`));
    await page.getByText(`Arja Nevala, ${orgName} (varapuheenjohtaja)`).waitFor();
    // The memo text stays attached and is shown as the source.
    await page.getByText('Näytä muistion teksti').click();
    expect(await page.locator('.memo-source pre').innerText()).toContain('Syksyn kuulumiset');
  });

  it('archives a meeting only after a confirmation', async () => {
    const page = await curatorPage();
    await page.goto('/meetings');
    await page.getByRole('link', { name: 'Ilman JavaScriptiä' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ilman JavaScriptiä' }).waitFor();
    const url = new URL(page.url()).pathname;
    await submit(page, 'Arkistoi');
    await page.locator('.confirm-archive').waitFor();
    await expectAccessible(page, 'archive confirmation');
    await submit(page, 'Kyllä, arkistoi');
    await page.waitForURL((u) => u.pathname === '/meetings');
    expect(await page.locator('main').innerText()).not.toContain('Ilman JavaScriptiä');
    expect((await page.request.get(url)).status()).toBe(404);
  });
});

describe('actions that do not get lost', () => {
  it('lists open actions across meetings, filters them, and closes one so it leaves the list', async () => {
    const page = await curatorPage();
    await page.getByRole('link', { name: 'Tehtävät' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tehtävät' }).waitFor();
    const row = page.locator('.action-row', { hasText: 'Kartoitetaan lumikenkäkouluttajat' });
    expect(await row.innerText()).toMatch(/Myöhässä/i);
    expect(await page.locator('.action-count').innerText()).toMatch(/^\d+ tehtävää?$/);
    await expectAccessible(page, 'actions page');
    await shoot(page, '/actions', 'actions-page');

    // A person's own list, from the owner's name.
    await row.getByRole('link', { name: 'Isa Kotilaine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tehtävät: Isa Kotilaine' }).waitFor();
    const ownerTexts = await page.locator('.action-row dd:first-of-type').allInnerTexts();
    expect(ownerTexts.length).toBeGreaterThan(0);
    expect(ownerTexts.every((t) => t.startsWith('Isa Kotilaine'))).toBe(true);

    // Overdue only, and due before a date.
    await page.goto('/actions?overdue=1');
    expect(await page.locator('main').innerText()).toContain('Kartoitetaan lumikenkäkouluttajat');
    expect(await page.locator('main').innerText()).not.toContain('Kootaan kyläilykokemukset');
    await page.goto(`/actions?dueBefore=${dateIn(30)}`);
    expect(await page.locator('main').innerText()).not.toContain('Kootaan kyläilykokemukset');

    // Close it from the list.
    await page.goto('/actions');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page
        .locator('.action-row', { hasText: 'Kartoitetaan lumikenkäkouluttajat' })
        .getByRole('button', { name: /Merkitse tehdyksi/ })
        .click(),
    ]);
    await page.getByText('Tehtävän uusi tila: Tehty.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain(
      'Kartoitetaan lumikenkäkouluttajat',
    );
    await page.goto('/actions?status=DONE');
    expect(await page.locator('main').innerText()).toContain('Kartoitetaan lumikenkäkouluttajat');
  });

  it('closes an action without JavaScript, and offers "my actions" to a curator linked to a person', async () => {
    // Link the curator's account to a person, as `createUser(personId)` would.
    const db = await openDatabase({ databaseUrl: world.databaseUrl });
    try {
      const em = db.em.fork();
      const person = await em.findOneOrFail(Person, { name: 'Minna Männikkö' });
      await em.nativeUpdate(User, { email: CURATOR.email }, { person: person.id });
    } finally {
      await db.close(true);
    }
    const page = await curatorPage({ javaScriptEnabled: false });
    await page.goto('/actions');
    await page.getByRole('link', { name: 'Omat tehtäväni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tehtävät: Minna Männikkö' }).waitFor();
    const row = page.locator('.action-row', { hasText: 'Kootaan kyläilykokemukset' });
    await row.getByLabel('Muuta tilaa').selectOption('IN_PROGRESS');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      row.getByRole('button', { name: /^Tallenna/ }).click(),
    ]);
    await page.getByText('Tehtävän uusi tila: Työn alla.').waitFor();
    expect(
      await page.locator('.action-row', { hasText: 'Kootaan kyläilykokemukset' }).innerText(),
    ).toContain('Työn alla');
  });

  it('finds an action by its text in search, linking to its meeting', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(`/search?q=${encodeURIComponent('lumikenkäkouluttajat')}`);
    const result = page.locator('.result').first();
    await result.waitFor();
    expect(await result.innerText()).toContain('Syksyn tehtäväkokous');
    await result.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /Syksyn tehtäväkokous/ }).waitFor();
  });

  it('is accessible in Swedish and English, with plural counts', async () => {
    const page = await curatorPage();
    for (const [lang, heading, count] of [
      ['sv', 'Uppgifter', /^\d+ uppgift(er)?$/],
      ['en', 'Actions', /^(1 action|\d+ actions)$/],
    ] as const) {
      await page.goto(`/actions?lang=${lang}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await page.locator('.action-count').innerText()).toMatch(count);
      await expectAccessible(page, `actions ${lang}`);
      await page.goto(`/meetings/new?lang=${lang}`);
      await expectAccessible(page, `new meeting ${lang}`);
    }
    await page.goto('/actions?status=all&lang=en');
    const one = await page.locator('.action-count').innerText();
    expect(one).toMatch(/actions$/);
  });
});
