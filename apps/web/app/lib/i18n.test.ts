import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGS, type Message, translate, translateCount } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Every form of a message: the text, or each plural form. */
const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : [message.one ?? message.other, message.other];

describe('i18n catalogues', () => {
  it('have the same keys in fi, sv and en, none empty', () => {
    const keys = Object.keys(CATALOGUES.fi).sort();
    for (const lang of LANGS) {
      expect(Object.keys(CATALOGUES[lang]).sort(), lang).toEqual(keys);
      for (const [key, message] of Object.entries(CATALOGUES[lang])) {
        for (const text of forms(message)) expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in every language and form, and plural forms in all or none', () => {
    for (const [key, message] of Object.entries(CATALOGUES.fi)) {
      const expected = placeholders(forms(message)[0] ?? '');
      for (const lang of LANGS) {
        const other = CATALOGUES[lang][key as keyof typeof CATALOGUES.fi];
        expect(typeof other, `${lang} ${key}`).toBe(typeof message);
        for (const text of forms(other))
          expect(placeholders(text), `${lang} ${key}`).toEqual(expected);
        if (typeof other !== 'string') {
          expect(other.one, `${lang} ${key} has a singular`).toBeDefined();
          expect(placeholders(other.other), `${lang} ${key}`).toContain('count');
        }
      }
    }
  });

  it('fills placeholders', () => {
    expect(translate('fi', 'search.count', { count: 3 })).toBe('3 tulosta');
    expect(translate('sv', 'season.SPRING', { year: 2019 })).toBe('Våren 2019');
  });
});

describe('counts follow the plural rules of each language', () => {
  it('Finnish: 1 tulos, 2 tulosta, 0 tulosta; 1 jäsen, 5 jäsentä', () => {
    expect(translateCount('fi', 'search.count', 1)).toBe('1 tulos');
    expect(translateCount('fi', 'search.count', 2)).toBe('2 tulosta');
    expect(translateCount('fi', 'search.count', 0)).toBe('0 tulosta');
    expect(translateCount('fi', 'organisations.members', 1)).toBe('1 jäsen');
    expect(translateCount('fi', 'organisations.members', 5)).toBe('5 jäsentä');
    expect(translateCount('fi', 'memo.newPeople', 1)).toBe('1 uuden henkilön');
    expect(translateCount('fi', 'search.count', 12345)).toBe('12\u00a0345 tulosta');
  });

  it('Swedish: 1 träff, 2 träffar; 1 medlem, 3 medlemmar', () => {
    expect(translateCount('sv', 'search.count', 1)).toBe('1 träff');
    expect(translateCount('sv', 'search.count', 2)).toBe('2 träffar');
    expect(translateCount('sv', 'organisations.members', 1)).toBe('1 medlem');
    expect(translateCount('sv', 'organisations.members', 3)).toBe('3 medlemmar');
    expect(translateCount('sv', 'memo.newLinks', 1)).toBe('1 ny länk');
  });

  it('English: 1 result, 2 results, 0 results; 1 member, 4 members', () => {
    expect(translateCount('en', 'search.count', 1)).toBe('1 result');
    expect(translateCount('en', 'search.count', 2)).toBe('2 results');
    expect(translateCount('en', 'search.count', 0)).toBe('0 results');
    expect(translateCount('en', 'organisations.members', 1)).toBe('1 member');
    expect(translateCount('en', 'organisations.members', 4)).toBe('4 members');
    expect(translateCount('en', 'search.count', 1000)).toBe('1,000 results');
  });

  it('fills the other placeholders too, and a count inside a sentence', () => {
    const parts = {
      people: translateCount('fi', 'memo.newPeople', 1),
      organisations: translateCount('fi', 'memo.newOrganisations', 2),
      links: translateCount('fi', 'memo.newLinks', 0),
    };
    expect(translate('fi', 'memo.willCreate', parts)).toBe(
      'Tallennus lisää 1 uuden henkilön, 2 uutta organisaatiota ja 0 uutta linkkiä.',
    );
  });
});
