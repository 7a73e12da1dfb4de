import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGS, translate } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  it('have the same keys in fi, sv and en, none empty', () => {
    const keys = Object.keys(CATALOGUES.fi).sort();
    for (const lang of LANGS) {
      expect(Object.keys(CATALOGUES[lang]).sort(), lang).toEqual(keys);
      for (const [key, text] of Object.entries(CATALOGUES[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in every language', () => {
    for (const [key, text] of Object.entries(CATALOGUES.fi)) {
      for (const lang of LANGS) {
        const other = CATALOGUES[lang][key as keyof typeof CATALOGUES.fi];
        expect(placeholders(other), `${lang} ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('fills placeholders', () => {
    expect(translate('fi', 'search.count', { count: 3 })).toBe('3 tulosta');
    expect(translate('sv', 'season.SPRING', { year: 2019 })).toBe('Våren 2019');
  });
});
