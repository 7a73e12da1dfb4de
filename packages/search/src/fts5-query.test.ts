import { describe, expect, it } from 'vitest';
import { createQueryAnalyser } from './analyser.js';
import { quoteFts5, toFts5Match } from './fts5-query.js';
import { buildLexicon } from './lexicon.js';
import { parseQuery } from './query-parser.js';

const analyser = createQueryAnalyser({
  languages: ['fi'],
  lexicons: { fi: buildLexicon(['asiakas palvelu koulutus'], 'fi') },
});
const compile = (input: string, tagsAsText = false): string | null =>
  toFts5Match(parseQuery(input), analyser, { tagsAsText });

describe('toFts5Match', () => {
  it('quotes every term and prefix-matches the word being typed', () => {
    expect(compile('kirjastossa mentoroinnin')).toBe('"kirjast" AND "mentoroin"*');
    expect(compile('kirjastossa mentoroinnin ')).toBe('"kirjast" AND "mentoroin"');
  });

  it('compiles phrases, OR groups and exclusions', () => {
    expect(compile('"Pää sisältöön" kyläily OR mentorointi -koulutus ')).toBe(
      '("paa sisal" AND ("kylail" OR "mentoroin")) NOT "koulutus"',
    );
  });

  it('offers compound parts and hyphen parts as alternatives', () => {
    expect(compile('asiakaspalvelukoulutus ')).toBe(
      '("asiakaspalvelukoulutus" OR "asiak palvel koulutus")',
    );
    expect(compile('Asko-tiimi ')).toBe('("ask tiim" OR "askotiim")');
  });

  it('turns tag filters into a fixed column filter only when asked', () => {
    expect(compile('tag:kyläily raahe ')).toBe('"raah"');
    expect(compile('tag:kyläily raahe ', true)).toBe('"raah" AND "tags" : ("kylail")');
  });

  it('refuses an invalid column name from the caller', () => {
    expect(() => toFts5Match(parseQuery('a'), analyser, { tagsColumn: 'x) OR (y' })).toThrow();
  });

  it('returns null when nothing searchable remains', () => {
    for (const input of ['', '-kyläily', '"" - * : ()', '🙂', 'type:meeting', 'OR AND NOT']) {
      expect(compile(input)).toBeNull();
    }
  });

  it('keeps hostile input inside quoted terms', () => {
    const match = compile('title:x NEAR(a b, 3) {body}: "x" OR ^y col:"z"* \u0000');
    expect(match).not.toBeNull();
    // Outside quoted strings only operators, brackets and prefix stars remain.
    const outside = (match ?? '').replace(/"(?:[^"]|"")*"/g, '');
    expect(outside).toMatch(/^[\s()*]*(?:(?:AND|OR|NOT)[\s()*]*)*$/);
  });

  it('doubles double quotes in literals', () => {
    expect(quoteFts5('a"b')).toBe('"a""b"');
  });
});
