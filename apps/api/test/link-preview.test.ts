/**
 * `linkPreview` over HTTP: a curator's preview of the test's own page (the one address the
 * API's outbound guard allows), and ADDRESS_NOT_ALLOWED for every other local address, with
 * the page behind it never asked.
 */
import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbound } from '@ake/domain/orm';
import { type TestApi, startTestApi } from './server.js';

const PREVIEW = `query($url: String!) {
  linkPreview(url: $url) {
    preview { url finalUrl title description }
    error { code message }
  }
}`;

interface PreviewResponse {
  linkPreview: {
    preview: {
      url: string;
      finalUrl: string;
      title: string | null;
      description: string | null;
    } | null;
    error: { code: string; message: string } | null;
  };
}

describe('linkPreview', () => {
  let api: TestApi;
  let allowed: Server;
  let secret: Server;
  let base = '';
  let secretBase = '';
  const secretRequests: string[] = [];

  const listen = async (server: Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    allowed = createServer((req, res) => {
      if (req.url === '/siirto') {
        res.writeHead(302, { location: secretBase }).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<title>Lukudiplomi &ndash; Oulun kaupunginkirjasto</title><meta name="description" content="Lukuvinkit">',
        );
    });
    secret = createServer((req, res) => {
      secretRequests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Sisäinen hallinta</title>');
    });
    base = await listen(allowed);
    secretBase = await listen(secret);
    api = await startTestApi({
      outbound: new Outbound({
        policy: { allowHosts: [new URL(base).host] },
        log: () => undefined,
      }),
    });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => allowed.close(() => resolve()));
    await new Promise<void>((resolve) => secret.close(() => resolve()));
    await api.close();
  });

  it('gives a curator the title and description of an allowed page', async () => {
    const r = await api.gql<PreviewResponse>(PREVIEW, { url: `${base}/sivu` }, api.curatorToken);
    expect(r.errors).toBeUndefined();
    expect(r.data!.linkPreview).toEqual({
      preview: {
        url: `${base}/sivu`,
        finalUrl: `${base}/sivu`,
        title: 'Lukudiplomi – Oulun kaupunginkirjasto',
        description: 'Lukuvinkit',
      },
      error: null,
    });
  });

  it('refuses local and private addresses, and redirects to them, as ADDRESS_NOT_ALLOWED', async () => {
    for (const url of [
      `${secretBase}/`,
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://10.0.0.1/',
      `${base}/siirto`,
    ]) {
      const r = await api.gql<PreviewResponse>(PREVIEW, { url }, api.curatorToken);
      expect(r.errors, url).toBeUndefined();
      expect(r.data!.linkPreview.preview, url).toBeNull();
      expect(r.data!.linkPreview.error?.code, url).toBe('ADDRESS_NOT_ALLOWED');
    }
    expect(secretRequests).toEqual([]);
  });

  it('is for curators only', async () => {
    const r = await api.gql<PreviewResponse>(PREVIEW, { url: `${base}/sivu` });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
