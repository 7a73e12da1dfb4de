/**
 * Link previews against a real page server on 127.0.0.1, through the outbound guard: the
 * server's own port is the one address allowed, so every other address (another port, another
 * loopback address, the metadata service, a redirect to any of them) must come back as
 * ADDRESS_NOT_ALLOWED, unasked.
 */
import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, systemActor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';
import { Outbound } from '../outbound/outbound.js';
import { LinkPreviewService, parsePreview } from './link-preview.service.js';

describe('parsePreview', () => {
  it('takes og:title, then <title>, and the description meta, entities decoded', () => {
    expect(
      parsePreview(
        '<html><head><title> Kirjasto &amp; minä </title><meta name="description" content="Hyvä &quot;sivu&quot; &auml;&#228;&#xE4;"></head></html>',
      ),
    ).toEqual({ title: 'Kirjasto & minä', description: 'Hyvä "sivu" äää' });
    expect(
      parsePreview('<meta property="og:title" content="OG-otsikko"><title>Muu</title>').title,
    ).toBe('OG-otsikko');
    expect(parsePreview("<meta content='Yksinkertaiset' name=DESCRIPTION>").description).toBe(
      'Yksinkertaiset',
    );
    expect(parsePreview('ei html:ää')).toEqual({ title: null, description: null });
  });

  it('reads the head only: a title in the body (an SVG’s) does not count', () => {
    expect(
      parsePreview('<html><head></head><body><svg><title>Kuvake</title></svg></body></html>'),
    ).toEqual({ title: null, description: null });
    expect(parsePreview('<title>Ensimmäinen</title><title>Toinen</title>').title).toBe(
      'Ensimmäinen',
    );
  });
});

describe('LinkPreviewService through the outbound guard', () => {
  let server: Server;
  let base = '';
  let other: Server;
  let otherBase = '';
  const requests: string[] = [];
  const otherRequests: string[] = [];
  const refusals: string[] = [];
  let service: LinkPreviewService;
  const system = systemActor('test');

  const page = (title: string) =>
    `<!doctype html><html><head><title>${title}</title><meta name="description" content="Kuvaus"></head><body></body></html>`;

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/sivu') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Päivä'));
      } else if (url.pathname === '/latin1') {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' })
          .end(Buffer.from('<title>P\xe4iv\xe4</title>', 'latin1'));
      } else if (url.pathname === '/to') {
        res.writeHead(302, { location: url.searchParams.get('url') ?? '/' }).end();
      } else if (url.pathname === '/teksti') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ei html');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A second page server that must never be asked: its title is a secret.
    other = createServer((req, res) => {
      otherRequests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/html' }).end(page('Salainen sisäinen sivu'));
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    service = new LinkPreviewService(
      new Outbound({
        policy: { allowHosts: [new URL(base).host] },
        log: (line) => refusals.push(line),
      }),
      true,
    );
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  it('gives the title and description of an allowed page, after redirects', async () => {
    expect(await service.preview(system, `${base}/to?url=/sivu`)).toEqual({
      ok: true,
      preview: {
        url: `${base}/to?url=/sivu`,
        finalUrl: `${base}/sivu`,
        title: 'Päivä',
        description: 'Kuvaus',
      },
    });
    const latin1 = await service.preview(system, `${base}/latin1`);
    expect(latin1.ok && latin1.preview.title).toBe('Päivä');
  });

  it('refuses addresses that are not allowed, and redirects to them, unasked', async () => {
    for (const url of [
      `${otherBase}/`,
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://localhost/',
      `${base}/to?url=${encodeURIComponent(`${otherBase}/`)}`,
      `${base}/to?url=${encodeURIComponent('http://169.254.169.254/')}`,
    ]) {
      const result = await service.preview(system, url);
      expect(result, url).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_ALLOWED' } });
    }
    expect(otherRequests).toEqual([]);
    expect(refusals).toHaveLength(6);
  });

  it('says why other pages give no preview', async () => {
    const codeOf = async (url: string) => {
      const result = await service.preview(system, url);
      return result.ok ? null : result.error.code;
    };
    expect(await codeOf(`${base}/puuttuu`)).toBe('HTTP_ERROR');
    expect(await codeOf(`${base}/teksti`)).toBe('NOT_HTML');
    expect(await codeOf('javascript:alert(1)')).toBe('INVALID_URL');
    expect(await codeOf('ei osoite')).toBe('INVALID_URL');
    const off = new LinkPreviewService(new Outbound({ policy: {} }), false);
    expect(await off.preview(system, `${base}/sivu`)).toMatchObject({
      ok: false,
      error: { code: 'DISABLED' },
    });
  });

  it('is for curators only', async () => {
    await expect(service.preview(ANONYMOUS, `${base}/sivu`)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
