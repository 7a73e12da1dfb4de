import { describe, expect, it } from 'vitest';
import { createQueryAnalyser } from './analyser.js';
import { buildLexicon } from './lexicon.js';
import { compileQuery } from './match-plan.js';
import { parseQuery } from './query-parser.js';
import { quoteTsQuery, renderTsQuery } from './tsquery.js';

const analyser = createQueryAnalyser({
  languages: ['fi'],
  lexicons: { fi: buildLexicon(['asiakas palvelu koulutus'], 'fi') },
});
const render = (input: string): string | null => {
  const plan = compileQuery(parseQuery(input), analyser, { tagsAsText: true });
  return plan === null ? null : renderTsQuery(plan);
};

describe('renderTsQuery', () => {
  it('quotes every term and prefix-matches the word being typed', () => {
    expect(render('kirjastossa mentoroinnin')).toBe("('kirjast' & 'mentoroin':*)");
    expect(render('kirjastossa mentoroinnin ')).toBe("('kirjast' & 'mentoroin')");
  });

  it('renders phrases as followed-by, OR groups and exclusions', () => {
    expect(render('"Pää sisältöön" kyläily OR mentorointi -koulutus ')).toBe(
      "((('paa' <-> 'sisal') & ('kylail' | 'mentoroin')) & !'koulutus')",
    );
    expect(render('asiakaspalvelukoulutus ')).toBe(
      "('asiakaspalvelukoulutus' | ('asiak' <-> 'palvel' <-> 'koulutus'))",
    );
  });

  it('restricts tag: terms to the tags weight', () => {
    expect(render('tag:kyläily raahe ')).toBe("('raah' & 'kylail':B)");
  });

  it('never lets typed syntax through', () => {
    expect(quoteTsQuery("a'b\\c")).toBe("'a''b\\\\c'");
    for (const input of ["' | !", '<-> & :*', 'NEAR(a b)', '-', '*', '😀', 'x'.repeat(10_000)]) {
      const rendered = render(input);
      if (rendered === null) continue;
      // Outside quoted lexemes only operators, parentheses, weights and spaces remain.
      expect(rendered.replace(/'(?:[^']|'')*'/g, '')).toMatch(/^[()&|!<\->:*B ]*$/);
    }
  });
});
