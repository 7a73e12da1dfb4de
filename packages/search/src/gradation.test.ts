import { describe, expect, it } from 'vitest';
import { termKey } from './gradation.js';

const key = (word: string): string => termKey(word, 'fi');

describe('termKey (fi): one key per word family', () => {
  it.each([
    ['mentorointi', 'mentoroinnin', 'mentorointiin'],
    ['koulutus', 'koulutuksia', 'koulutuksen', 'koulutusta'],
    ['kirjasto', 'kirjastossa', 'kirjastojen'],
    ['tiimi', 'tiimistä'],
    ['kyläily', 'kyläilyt', 'kyläilyistä'],
    ['työvierailu', 'työvierailujen'],
    ['pappi', 'papin'],
    ['tapa', 'tavan'],
    ['sota', 'sodan'],
    ['kauppa', 'kaupan'],
    ['ranta', 'rannan'],
    ['kylpy', 'kylvyn'],
    ['hanke', 'hankkeen', 'hankkeesta'],
    ['asiakas', 'asiakkaan', 'asiakkaat'],
    ['pää', 'pään', 'päässä'],
    ['työ', 'työstä', 'työhön'],
    ['saavutettavuus', 'saavutettavuuden', 'saavutettavuutta'],
    ['vertaisoppiminen', 'vertaisoppimisen', 'vertaisoppimista'],
    ['kenkä', 'kengän'],
    ['sisältö', 'sisältöön'],
    ['kokous', 'kokousta', 'kokouksessa'],
  ])('%s', (...words) => {
    const keys = new Set(words.map(key));
    expect([...keys]).toHaveLength(1);
  });

  it.each([
    ['ranta', 'rata'],
    ['sota', 'soitto'],
    ['kirja', 'kirjasto'],
    ['koulu', 'koulutus'],
    ['kylä', 'kyläily'],
    ['mentori', 'mentorointi'],
    ['kauppa', 'kaupunki'],
    ['pappi', 'paperi'],
    ['oulu', 'oulunsalo'],
    ['tapa', 'tupa'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it('folds diacritics so typing without ä/ö gives the same key', () => {
    expect(key('sisaltoon')).toBe(key('sisältöön'));
    expect(key('kylailyista')).toBe(key('kyläilyistä'));
    expect(key('paa')).toBe(key('pää'));
  });

  it('produces only letters and digits', () => {
    for (const word of ['AVI', 'kehittämis', '2019', 'Nöömanni']) {
      expect(termKey(word.toLowerCase(), 'fi')).toMatch(/^[a-z0-9]+$/);
    }
  });

  it('uses the language of the record', () => {
    expect(termKey('biblioteket', 'sv')).toBe(termKey('biblioteken', 'sv'));
    expect(termKey('bookmobiles', 'en')).toBe(termKey('bookmobile', 'en'));
  });
});
