import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, parseQuery } from './query-parser.js';

describe('parseQuery', () => {
  it('parses words, phrases, exclusions, OR groups and filters', () => {
    expect(
      parseQuery(
        'kirjastoauto "pää sisältöön" -koulutus kyläily OR mentorointi tag:kyläily type:Meeting ',
      ),
    ).toEqual({
      include: [
        { kind: 'word', text: 'kirjastoauto', prefix: 'none' },
        { kind: 'phrase', text: 'pää sisältöön' },
        {
          kind: 'or',
          items: [
            { kind: 'word', text: 'kyläily', prefix: 'none' },
            { kind: 'word', text: 'mentorointi', prefix: 'none' },
          ],
        },
      ],
      exclude: [{ kind: 'word', text: 'koulutus', prefix: 'none' }],
      tags: ['kyläily'],
      types: ['meeting'],
      truncated: false,
    });
  });

  it('marks the last word as a prefix while typing, and word* always', () => {
    expect(parseQuery('kirjasto mentoroi').include.at(-1)).toEqual({
      kind: 'word',
      text: 'mentoroi',
      prefix: 'typing',
    });
    expect(parseQuery('kirj* auto ').include[0]).toEqual({
      kind: 'word',
      text: 'kirj',
      prefix: 'explicit',
    });
  });

  it('takes quoted tags, NOT, TAI and -"phrase"', () => {
    const query = parseQuery('tag:"pienet kirjastot" a TAI b NOT c -"d e"');
    expect(query.tags).toEqual(['pienet kirjastot']);
    expect(query.include).toHaveLength(1);
    expect(query.include[0]?.kind).toBe('or');
    expect(query.exclude).toEqual([
      { kind: 'word', text: 'c', prefix: 'none' },
      { kind: 'phrase', text: 'd e' },
    ]);
  });

  it.each([
    '"unbalanced quote',
    'NEAR(a b',
    '((a)) AND b',
    '-',
    '*',
    ':',
    'a:b:c',
    'OR',
    'OR a OR',
    'tag:',
    'type:""',
    '🙂🙂 💥',
    '\u0000\u0007\u001b[31m\u202e',
    '\uD800 lone surrogate',
    '"',
    '""""',
    '- - -x',
    'x'.repeat(10_000),
    'a '.repeat(5_000),
  ])('never throws on %j', (input) => {
    const query = parseQuery(input);
    expect(query.include.length + query.exclude.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
  });

  it('returns an empty query for non-string or empty input', () => {
    for (const input of [undefined, null, 42, '', '   ']) {
      expect(parseQuery(input).include).toEqual([]);
    }
  });

  it('limits the number of terms and their length', () => {
    const many = parseQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '));
    expect(many.include).toHaveLength(MAX_QUERY_TERMS);
    expect(many.truncated).toBe(true);
    const [long] = parseQuery('y'.repeat(500)).include;
    expect(long?.kind === 'word' && long.text.length).toBe(100);
  });

  it('accepts curly quotes from phones', () => {
    expect(parseQuery('\u201Cpää sisältöön\u201D').include).toEqual([
      { kind: 'phrase', text: 'pää sisältöön' },
    ]);
  });
});
