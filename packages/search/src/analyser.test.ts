import { describe, expect, it } from 'vitest';
import { analyse, createQueryAnalyser, toIndexText } from './analyser.js';
import { termKey } from './gradation.js';
import { buildLexicon } from './lexicon.js';
import { tokenise } from './tokeniser.js';

const lexicon = buildLexicon(['asiakas palvelu koulutus kirjasto auto'], 'fi');
const fi = { language: 'fi', lexicon } as const;

describe('tokenise', () => {
  it('keeps hyphenated words whole and split', () => {
    expect(tokenise('Isan kehittämis-työstä, Asko-tiimi')).toEqual([
      { surface: 'isan', parts: ['isan'] },
      { surface: 'kehittämis-työstä', parts: ['kehittämis', 'työstä'] },
      { surface: 'asko-tiimi', parts: ['asko', 'tiimi'] },
    ]);
  });

  it('normalises Unicode: NFD, full-width, soft hyphens, AVI:n endings', () => {
    const [nfd] = tokenise('Pa\u0308a\u0308');
    expect(nfd?.surface).toBe('pää');
    expect(tokenise('ＡＶＩ:n kirjas\u00ADto').map((t) => t.surface)).toEqual(['avi', 'kirjasto']);
  });

  it('treats punctuation, emoji, dashes and FTS5 syntax as separators', () => {
    expect(tokenise('"a" NEAR(b) c* -d 🙂 Oulu – Kajaani').map((t) => t.surface)).toEqual([
      'a',
      'near',
      'b',
      'c',
      'd',
      'oulu',
      'kajaani',
    ]);
  });
});

describe('analyse', () => {
  it('puts one key per word first, position-aligned, and extras after', () => {
    const { terms, tokens } = analyse('Asko-tiimi järjestää asiakaspalvelukoulutuksia', fi);
    expect(tokens.map((t) => t.keys)).toEqual([
      ['ask', 'tiim'],
      ['jarjest'],
      ['asiakaspalvelukoulutus'],
    ]);
    expect(terms.slice(0, 4)).toEqual(['ask', 'tiim', 'jarjest', 'asiakaspalvelukoulutus']);
    expect(terms.slice(4)).toEqual(['askotiim', 'asiak', 'palvel', 'koulutus', 'asiakaspalvel']);
  });

  it('emits only terms that FTS5 unicode61 and tsvector will not split', () => {
    const text = 'Pää sisältöön – "kehittämis-työstä" (AVI:n) 🙂 naïve Straße ＡＢＣ';
    for (const term of analyse(text, fi).terms) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(toIndexText(text, fi)).not.toMatch(/[äöå"():-]/);
  });

  it('folds diacritics: the key of paa sisaltoon equals that of Pää sisältöön', () => {
    expect(toIndexText('paa sisaltoon', fi)).toBe(toIndexText('Pää sisältöön', fi));
  });

  it('returns nothing for empty or symbol-only text', () => {
    expect(analyse('', fi).terms).toEqual([]);
    expect(analyse(' -- ** "" 🙂 ', fi).terms).toEqual([]);
  });
});

describe('createQueryAnalyser', () => {
  const analyser = createQueryAnalyser({ lexicons: { fi: lexicon } });

  it('offers the whole word and its compound parts as alternatives', () => {
    const [token] = analyser.words('asiakaspalvelukoulutus');
    expect(token?.alternatives[0]).toEqual(['asiakaspalvelukoulutus']);
    expect(token?.alternatives).toContainEqual(['asiak', 'palvel', 'koulutus']);
  });

  it('offers hyphen parts as a phrase and the joined word', () => {
    const [token] = analyser.words('Asko-tiimi');
    expect(token?.alternatives.slice(0, 2)).toEqual([['ask', 'tiim'], ['askotiim']]);
  });

  it('analyses in every language, Finnish first', () => {
    const [token] = analyser.words('biblioteket');
    expect(token?.alternatives[0]).toEqual([termKey('biblioteket', 'fi')]);
    expect(token?.alternatives).toContainEqual([termKey('biblioteket', 'sv')]);
  });

  it('analyses phrases position by position', () => {
    expect(analyser.phrase('Pää sisältöön')[0]).toEqual(['paa', 'sisal']);
  });
});
