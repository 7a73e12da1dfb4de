import { describe, expect, it } from 'vitest';
import { splitCompound } from './compounds.js';
import { buildLexicon, Lexicon } from './lexicon.js';

const corpus = [
  'Asiakkaan palvelu ja koulutus kirjastossa.',
  'Asiakaspalvelu on tärkeää. Auto ajaa. Kieli ja päivä.',
];

describe('splitCompound', () => {
  const lexicon = buildLexicon(corpus, 'fi', { seed: false });

  it('splits on known parts, recursively, and keeps inner compounds', () => {
    expect(splitCompound('asiakaspalvelukoulutus', lexicon)).toEqual({
      parts: ['asiakas', 'palvelu', 'koulutus'],
      inner: ['asiakaspalvelu'],
    });
  });

  it('accepts an inflected last part and a genitive first part', () => {
    expect(splitCompound('kirjastoautossa', lexicon)?.parts).toEqual(['kirjasto', 'autossa']);
    expect(splitCompound('kirjastonauto', lexicon)?.parts).toEqual(['kirjaston', 'auto']);
    expect(splitCompound('kielikoulutuksia', lexicon)?.parts).toEqual(['kieli', 'koulutuksia']);
  });

  it('does not split unknown words or words that are a single known part', () => {
    expect(splitCompound('saavutettavuus', lexicon)).toBeNull();
    expect(splitCompound('kirjastossa', lexicon)).toBeNull();
    expect(splitCompound('auto', lexicon)).toBeNull();
  });

  it('does not split without a lexicon entry for every part', () => {
    expect(splitCompound('kirjastokortti', lexicon)).toBeNull();
  });
});

describe('Lexicon', () => {
  it('round-trips through JSON with sorted keys', () => {
    const lexicon = buildLexicon(['kyläily kyläilyt mentorointi'], 'fi', { seed: false });
    const json = JSON.parse(JSON.stringify(lexicon)) as unknown;
    const restored = Lexicon.fromJSON(json);
    expect(restored.toJSON()).toEqual(lexicon.toJSON());
    expect(restored.count('kylail')).toBe(2);
    expect(Object.keys(lexicon.toJSON().keys)).toEqual(['kylail', 'mentoroin']);
  });

  it('ignores malformed JSON instead of throwing', () => {
    expect(Lexicon.fromJSON(null).size).toBe(0);
    expect(
      Lexicon.fromJSON({ language: 'xx', keys: { a: 'x', kirjast: -1, tiim: 2 } }).keys(),
    ).toEqual(['tiim']);
  });

  it('seeds Finnish with common domain words by default', () => {
    expect(buildLexicon([], 'fi').has('koulutus')).toBe(true);
    expect(buildLexicon([], 'sv').size).toBe(0);
  });
});
