import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, suggest } from './suggest.js';

describe('damerauLevenshtein', () => {
  it.each([
    ['', '', 0],
    ['kyläily', 'kyläily', 0],
    ['mentorionti', 'mentorointi', 1],
    ['kirjasto', 'kirjastot', 1],
    ['kirjasto', 'kirjatso', 1],
    ['abc', 'xyz', 3],
  ])('%s → %s = %i', (a, b, distance) => {
    expect(damerauLevenshtein(a, b)).toBe(distance);
  });

  it('stops at the bound', () => {
    expect(damerauLevenshtein('kirjasto', 'saavutettavuus', 2)).toBe(3);
  });
});

describe('suggest', () => {
  const vocabulary = ['kyläily', 'kyläilyt', 'mentorointi', 'mentori', 'koulutus', 'kirjasto'];

  it('finds the closest words, diacritics folded', () => {
    expect(suggest('kylaily', vocabulary).map((s) => s.word)).toEqual(['kyläily', 'kyläilyt']);
    expect(suggest('mentorionti', vocabulary)).toEqual([{ word: 'mentorointi', distance: 1 }]);
  });

  it('never suggests the term itself and returns nothing for noise', () => {
    expect(suggest('koulutus', vocabulary)).toEqual([]);
    expect(suggest('🙂', vocabulary)).toEqual([]);
    expect(suggest('', vocabulary)).toEqual([]);
  });

  it('respects the limit', () => {
    expect(suggest('kylailyx', vocabulary, { limit: 1 })).toHaveLength(1);
  });
});
