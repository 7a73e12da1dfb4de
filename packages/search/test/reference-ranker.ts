/**
 * In-memory reference ranker: the same analysed terms an index would store, the same compiled
 * match plan, and an FTS5-like BM25 with column weights (title > tags > body). It is the
 * yardstick the SQLite and PostgreSQL indexes are compared with, not production code.
 */
import {
  analyse,
  buildLexicon,
  compileQuery,
  createQueryAnalyser,
  type Language,
  type Lexicon,
  type MatchPlan,
  parseQuery,
  type QueryAnalyser,
} from '../src/index.js';
import type { FixtureDocument } from './relevance/corpus.js';

type Field = 'title' | 'tags' | 'body';
const FIELDS: readonly Field[] = ['title', 'tags', 'body'];
/** Same weights the FTS5 index passes to bm25(). */
export const FIELD_WEIGHTS: Record<Field, number> = { title: 3, tags: 2, body: 1 };
const K1 = 1.2;
const B = 0.75;

interface IndexedDocument {
  readonly id: string;
  readonly fields: Record<Field, readonly string[]>;
}

/** Concatenation of a record's tags as analysed text; tags are separated like sentences. */
export function tagsText(tags: readonly string[]): string {
  return tags.join(' . ');
}

/** A ranked hit. */
export interface Hit {
  readonly id: string;
  readonly score: number;
}

/** BM25 over the analyser's terms, evaluating {@link MatchPlan}s with FTS5 semantics. */
export class ReferenceRanker {
  readonly analyser: QueryAnalyser;
  private readonly documents: IndexedDocument[];
  private readonly averageLength: Record<Field, number>;

  constructor(corpus: readonly FixtureDocument[]) {
    const lexicons = buildLexicons(corpus);
    this.analyser = createQueryAnalyser({ lexicons });
    this.documents = corpus.map((doc) => {
      const options = { language: doc.language, lexicon: lexicons[doc.language] };
      return {
        id: doc.id,
        fields: {
          title: analyse(doc.title, options).terms,
          tags: analyse(tagsText(doc.tags), options).terms,
          body: analyse(doc.body, options).terms,
        },
      };
    });
    const average = (field: Field): number =>
      this.documents.reduce((sum, doc) => sum + doc.fields[field].length, 0) /
      Math.max(1, this.documents.length);
    this.averageLength = { title: average('title'), tags: average('tags'), body: average('body') };
  }

  /** Parses, compiles and ranks a query string; an empty list when nothing is searchable. */
  search(input: string): Hit[] {
    const plan = compileQuery(parseQuery(input), this.analyser, { tagsAsText: true });
    return plan ? this.rank(plan) : [];
  }

  /** Ranks the documents matching a plan, best first. */
  rank(plan: MatchPlan): Hit[] {
    const phrases = positivePhrases(plan);
    const hits: Hit[] = [];
    for (const doc of this.documents) {
      if (!matches(plan, doc, FIELDS)) continue;
      let score = 0;
      for (const phrase of phrases) {
        const idf = this.idf(phrase);
        for (const field of FIELDS) {
          const tf = countPhrase(doc.fields[field], phrase);
          if (tf === 0) continue;
          const norm = 1 - B + (B * doc.fields[field].length) / (this.averageLength[field] || 1);
          score += FIELD_WEIGHTS[field] * idf * ((tf * (K1 + 1)) / (tf + K1 * norm));
        }
      }
      hits.push({ id: doc.id, score });
    }
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  private idf(phrase: PhrasePlan): number {
    const n = this.documents.filter((doc) =>
      FIELDS.some((field) => countPhrase(doc.fields[field], phrase) > 0),
    ).length;
    const total = this.documents.length;
    // FTS5 clamps negative idf to a small positive value, so common terms still count a little.
    return Math.max(1e-6, Math.log((total - n + 0.5) / (n + 0.5)));
  }
}

type PhrasePlan = Extract<MatchPlan, { kind: 'phrase' }>;

function buildLexicons(corpus: readonly FixtureDocument[]): Record<Language, Lexicon> {
  const textsOf = (language: Language): string[] =>
    corpus
      .filter((doc) => doc.language === language)
      .flatMap((doc) => [doc.title, tagsText(doc.tags), doc.body]);
  return {
    fi: buildLexicon(textsOf('fi'), 'fi'),
    sv: buildLexicon(textsOf('sv'), 'sv'),
    en: buildLexicon(textsOf('en'), 'en'),
  };
}

function matches(plan: MatchPlan, doc: IndexedDocument, fields: readonly Field[]): boolean {
  switch (plan.kind) {
    case 'phrase':
      return fields.some((field) => countPhrase(doc.fields[field], plan) > 0);
    case 'and':
      return plan.items.every((item) => matches(item, doc, fields));
    case 'or':
      return plan.items.some((item) => matches(item, doc, fields));
    case 'not':
      return matches(plan.include, doc, fields) && !matches(plan.exclude, doc, fields);
    case 'field':
      return matches(plan.item, doc, [plan.field]);
  }
}

function positivePhrases(plan: MatchPlan): PhrasePlan[] {
  switch (plan.kind) {
    case 'phrase':
      return [plan];
    case 'and':
    case 'or':
      return plan.items.flatMap(positivePhrases);
    case 'not':
      return positivePhrases(plan.include);
    case 'field':
      return positivePhrases(plan.item);
  }
}

function countPhrase(terms: readonly string[], phrase: PhrasePlan): number {
  const wanted = phrase.terms;
  let count = 0;
  for (let start = 0; start + wanted.length <= terms.length; start += 1) {
    const all = wanted.every((term, offset) => {
      const actual = terms[start + offset] ?? '';
      const isLast = offset === wanted.length - 1;
      return isLast && phrase.prefix ? actual.startsWith(term) : actual === term;
    });
    if (all) count += 1;
  }
  return count;
}
