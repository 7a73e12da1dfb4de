import { describe, expect, it } from 'vitest';
import { parsePreview } from './link-preview.server';

describe('link preview parsing', () => {
  it('takes og:title, then <title>, and the description meta', () => {
    expect(
      parsePreview(
        '<html><head><title> Kirjasto &amp; minä </title><meta name="description" content="Hyvä &quot;sivu&quot;"></head></html>',
      ),
    ).toEqual({ title: 'Kirjasto & minä', description: 'Hyvä "sivu"' });
    expect(
      parsePreview('<meta property="og:title" content="OG-otsikko"><title>Muu</title>').title,
    ).toBe('OG-otsikko');
    expect(parsePreview('ei html:ää')).toEqual({ title: null, description: null });
  });
});
