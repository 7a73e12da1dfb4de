/**
 * End to end, server-side request forgery: the new-link form's "fetch title and description"
 * must not make the server read a local or internal page. A second page server on 127.0.0.1
 * (another port than the one page server the API is allowed to ask) holds a "secret" title;
 * previews of it and of the cloud metadata address say "address not allowed" in the UI
 * language, in the warning style, without JavaScript, and nothing of the page reaches the form.
 */
import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, expectAccessible, signIn } from './browser';
import { type World, startWorld } from './servers';

const SECRET_TITLE = 'Sisäinen hallintapaneeli';

let world: World;
let browser: TestBrowser;
let secret: Server;
let secretUrl = '';
const secretRequests: string[] = [];

beforeAll(async () => {
  world = await startWorld();
  secret = createServer((req, res) => {
    secretRequests.push(req.url ?? '');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<title>${SECRET_TITLE}</title><meta name="description" content="Vain sisäverkosta">`);
  });
  await new Promise<void>((resolve) => secret.listen(0, '127.0.0.1', resolve));
  secretUrl = `http://127.0.0.1:${(secret.address() as AddressInfo).port}`;
  browser = await TestBrowser.launch(world.webUrl);
});

afterEach(() => browser.expectNoFailedAssets());

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => secret?.close(() => resolve()));
  await world?.close();
});

/** Asks for a preview of `url` on the new-link form and returns the notice shown. */
async function prefill(page: Page, url: string, button: RegExp): Promise<string> {
  await page.goto('/resources/new');
  await page.getByLabel(/Osoite \(URL\)|Adress \(URL\)|Address \(URL\)/).fill(url);
  await page.getByRole('button', { name: button }).click();
  const notice = page.getByTestId('prefill-notice');
  await notice.waitFor();
  return notice.innerText();
}

describe('link preview and the outbound guard', () => {
  it('refuses 127.0.0.1 and 169.254.169.254 with "address not allowed", without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await signIn(page);
    for (const url of [`${secretUrl}/hallinta`, 'http://169.254.169.254/latest/meta-data/']) {
      const text = await prefill(page, url, /Hae otsikko ja kuvaus sivulta/);
      expect(text, url).toContain('Osoite ei ole sallittu');
      expect(await page.getByTestId('prefill-notice').getAttribute('class'), url).toContain(
        'notice-warning',
      );
      // Nothing of the page reached the form; the address stays for the curator to fix.
      expect(await page.getByLabel('Otsikko').inputValue(), url).toBe('');
      expect(await page.getByLabel('Kuvaus').inputValue(), url).toBe('');
      expect(await page.getByLabel('Osoite (URL)').inputValue(), url).toBe(url);
      expect(await page.content(), url).not.toContain(SECRET_TITLE);
    }
    expect(secretRequests).toEqual([]);
    // The API logged each refusal in one line: the host and why.
    const log = world.webLog.join('');
    expect(log).toContain(`outbound: refused ${new URL(secretUrl).host}: `);
    expect(log).toMatch(/outbound: refused 169\.254\.169\.254: .*\(linkLocal\)/);
  });

  // Axe needs JavaScript in the page, so the languages are checked in a context that has it.
  it('says so in Finnish, Swedish and English, accessibly', async () => {
    const page = await browser.newPage();
    await signIn(page);
    for (const [lang, button, expected] of [
      ['fi', /Hae otsikko ja kuvaus sivulta/, 'Osoite ei ole sallittu'],
      ['sv', /Hämta rubrik och beskrivning/, 'Adressen är inte tillåten'],
      ['en', /Fetch title and description/, 'Address not allowed'],
    ] as const) {
      await page.goto(`/lang?to=${lang}&back=/resources/new`);
      const text = await prefill(page, `http://[::1]:${new URL(secretUrl).port}/`, button);
      expect(text, lang).toContain(expected);
      await expectAccessible(page, `new link: address not allowed (${lang})`);
    }
    expect(secretRequests).toEqual([]);
  });

  it('shows a page that could not be read as a warning, and still prefills an allowed page', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await signIn(page);
    const failed = await prefill(page, `${world.pageUrl}/ei-ole`, /Hae otsikko ja kuvaus/);
    expect(failed).toContain('Sivulta ei saatu haettua');
    expect(await page.getByTestId('prefill-notice').getAttribute('class')).toContain(
      'notice-warning',
    );
    const done = await prefill(page, `${world.pageUrl}/kirjastopaiva`, /Hae otsikko ja kuvaus/);
    expect(done).toContain('Otsikko ja kuvaus haettiin sivulta');
    expect(await page.getByTestId('prefill-notice').getAttribute('class')).toBe('notice');
    expect(await page.getByLabel('Otsikko').inputValue()).toBe(
      'Kirjastopäivä 2026 – Oulun kaupunginkirjasto',
    );
  });
});
