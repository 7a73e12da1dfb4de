import { describe, expect, it } from 'vitest';
import { cleanInlineMarkup, dedupeLinks, findLinks, trimBareUrl } from './links.js';

describe('links', () => {
  it('undoes double Markdown escapes and dedupes a link whose text is its URL', () => {
    const text =
      '[https://www.kirjastot.fi/x?language\\\\_content\\\\_entity=fi](https://www.kirjastot.fi/x?language_content_entity=fi) ja <https://www.kirjastot.fi/x?language\\_content\\_entity=fi>';
    expect(dedupeLinks(findLinks(text))).toEqual([
      { url: 'https://www.kirjastot.fi/x?language_content_entity=fi', text: null },
    ]);
  });

  it('keeps a label and prefers it over a bare repeat', () => {
    expect(dedupeLinks(findLinks('https://a.fi/b ja [Raportti](https://a.fi/b)'))).toEqual([
      { url: 'https://a.fi/b', text: 'Raportti' },
    ]);
  });

  it('leaves sentence punctuation out of bare URLs', () => {
    expect(
      findLinks('(ks. https://www.ouka.fi/asko-tiimi). Lisää: www.outikirjastot.fi/kylailyt.,'),
    ).toEqual([
      { url: 'https://www.ouka.fi/asko-tiimi', text: null },
      { url: 'https://www.outikirjastot.fi/kylailyt', text: null },
    ]);
    expect(trimBareUrl('https://fi.wikipedia.org/wiki/Kirjasto_(rakennus)).')).toBe(
      'https://fi.wikipedia.org/wiki/Kirjasto_(rakennus)',
    );
    expect(findLinks('https://www.tampere.fi/kirjasto/pike/pike-kirja/#p=86')[0]?.url).toBe(
      'https://www.tampere.fi/kirjasto/pike/pike-kirja/#p=86',
    );
  });

  it('cleans link markup and emphasis in notes', () => {
    expect(
      cleanInlineMarkup('**Lisätietoa:** <https://bit.ly/2TEbgH2> ja [PiKe](https://pike.fi/)'),
    ).toBe('Lisätietoa: https://bit.ly/2TEbgH2 ja PiKe (https://pike.fi/)');
  });
});
