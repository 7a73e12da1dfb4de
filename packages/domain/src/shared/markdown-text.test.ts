import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown-text.js';

describe('markdownToText', () => {
  it('keeps the words and drops the markup', () => {
    expect(markdownToText('Koosteet **kyläilypäivistä** ja *mentoroinnista*.')).toBe(
      'Koosteet kyläilypäivistä ja mentoroinnista.',
    );
    expect(markdownToText('Katso [ohjeet](https://example.org/ohje) ja `koodi`.')).toBe(
      'Katso ohjeet ja koodi.',
    );
  });

  it('puts blocks, list items and table cells on their own lines, so words never run together', () => {
    const text = markdownToText(
      '# Otsikko\n\nKappale.\n\n- yksi\n- kaksi\n\n| Kirjasto | Käyntejä |\n| --- | --- |\n| Oulu | 3 |\n',
    );
    expect(text.split('\n')).toEqual([
      'Otsikko',
      'Kappale.',
      'yksi',
      'kaksi',
      'Kirjasto',
      'Käyntejä',
      'Oulu',
      '3',
    ]);
  });

  it('drops raw HTML and keeps an image’s alt text', () => {
    expect(markdownToText('Ennen <b>lihava</b> jälkeen ![kuva kirjastosta](a.png)')).toBe(
      'Ennen lihava jälkeen kuva kirjastosta',
    );
    expect(markdownToText('<div>piilo</div>\n\nNäkyvä')).toBe('Näkyvä');
    expect(markdownToText('   ')).toBe('');
  });
});
