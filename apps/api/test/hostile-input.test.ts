/**
 * Hostile input through the real API (issue 13), on SQLite or, with TEST_DATABASE_URL, on
 * PostgreSQL: 5,000 random strings (control characters, quotes, FTS5 and tsquery syntax,
 * SQL, huge texts, odd Unicode) through the filters and text of `search`, and control
 * characters and impossible dates in every text and date field of every mutation. Nothing may
 * reach a 5xx or a masked internal error; mutations answer with a field error on the very
 * field, and write nothing. The strings come from a seeded generator: a failure names the
 * seed's case and replays exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  buildSchema,
  getNamedType,
} from 'graphql';
import { readChangeGeneration, sqlIdentifier } from '@ake/domain/orm';
import { NODE_TYPES, type NodeType, toGlobalId } from '../src/ids.js';
import { typeDefs } from '../src/server.js';
import { type TestApi, startTestApi } from './server.js';

/** mulberry32: a small, fast, seeded generator, so every run sends the same strings. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  // Control characters, C0 and C1, and what JSON carries that UTF-8 cannot.
  '\u0000',
  '\u0000\u0000\u0000',
  '\u0001',
  '\u0002',
  '\u0003',
  '\u0008',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009b',
  '\ud800',
  '\udfff',
  '\ufffe',
  '\uffff',
  '\u2028',
  '\u202e',
  '\u200b',
  '\t',
  '\r\n',
  // Quotes and SQL.
  "'",
  "''",
  '"',
  '`',
  '\\',
  '\\0',
  "'); drop table tag; --",
  '" or 1=1 --',
  '/*',
  '*/',
  '%',
  '_',
  '?',
  '??',
  '$1',
  ':name',
  '@p',
  // FTS5.
  'NEAR(',
  'NEAR(a b, 5)',
  'AND',
  'OR',
  'NOT',
  '*',
  '^',
  '(',
  ')',
  '{title tags}:',
  'title:',
  '-',
  '+',
  '"unterminated',
  // tsquery.
  '&',
  '|',
  '!',
  '<->',
  '<2>',
  ':*',
  ':AB',
  '!!',
  // The query language.
  'type:',
  'type:meeting',
  'tag:',
  '-tag:x',
  // Words and Unicode.
  'kirjasto',
  'kyläily',
  'Åbo',
  'ÄÖ',
  '🐢',
  '👩‍👩‍👧',
  'e\u0301',
  'ﬁ',
  'İ',
  'ß',
  'مكتبة',
  '中文',
  ' ',
  '   ',
];

/** A hostile string: a few pieces, sometimes huge, sometimes a run of one character. */
function hostile(random: () => number): string {
  const pick = () => PIECES[Math.floor(random() * PIECES.length)]!;
  const roll = random();
  if (roll < 0.03) return pick().repeat(1 + Math.floor(random() * 3_000));
  if (roll < 0.06) return String.fromCharCode(Math.floor(random() * 0x10000)).repeat(50);
  if (roll < 0.1) return '';
  const parts = 1 + Math.floor(random() * 6);
  return Array.from({ length: parts }, () => (random() < 0.3 ? ' ' : '') + pick()).join('');
}

interface Reply {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(
  api: TestApi,
  query: string,
  variables: unknown,
  token?: string,
): Promise<Reply> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Reply['body'] };
}

/** Why a reply is the server's failure rather than the client's, or null. */
function serverFailure(reply: Reply): string | null {
  if (reply.status >= 500) return `HTTP ${reply.status}`;
  const internal = reply.body.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
  return internal ? `masked internal error: ${internal.message}` : null;
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const SEARCH = `query($q: String!, $filter: SearchFilter, $after: String) {
  search(query: $q, first: 5, filter: $filter, after: $after) {
    totalCount edges { snippet highlightedTitle node { __typename id } } facets { field values { value count } } suggestions
  }
}`;

describe('hostile input', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ production: true });
  });
  afterAll(() => api.close());

  it('5,000 random hostile strings through search: no 5xx, no masked internal error', async () => {
    const random = prng(13);
    // Ten strings a request: the query, eight tags and the cursor.
    const STRINGS_PER_REQUEST = 10;
    const requests = Array.from({ length: 5_000 / STRINGS_PER_REQUEST }, (_, i) => ({
      i,
      variables: {
        q: hostile(random),
        filter: { tags: Array.from({ length: STRINGS_PER_REQUEST - 2 }, () => hostile(random)) },
        after: hostile(random),
      },
    }));
    const failures: string[] = [];
    let answered = 0;
    await eachLimited(requests, 4, async ({ i, variables }) => {
      const reply = await post(api, SEARCH, variables);
      const failure = serverFailure(reply);
      if (failure)
        failures.push(`request ${i}: ${failure} for ${JSON.stringify(variables).slice(0, 300)}`);
      else if (reply.status === 200 && !reply.body.errors) answered++;
    });
    expect(failures.slice(0, 5)).toEqual([]);
    expect(api.logs).toEqual([]);
    // Hostile text is read as words, not refused: nearly every request is an ordinary answer.
    expect(answered).toBeGreaterThan(requests.length * 0.9);
  });

  it('hostile organisation ids in the search filter are the client’s error', async () => {
    const random = prng(14);
    for (let i = 0; i < 50; i++) {
      const reply = await post(api, SEARCH, {
        q: 'kirjasto',
        filter: { organisationIds: [hostile(random)] },
      });
      expect(serverFailure(reply)).toBeNull();
    }
    expect(api.logs).toEqual([]);
  });

  describe('every text and date field of every mutation', () => {
    const schema = buildSchema(typeDefs);
    const mutations = Object.values(schema.getMutationType()!.getFields());
    /** The lowest id of each node type in the seeded database (1 when it has none). */
    const ids = new Map<NodeType, number>();
    beforeAll(async () => {
      const connection = api.db.em.getConnection();
      for (const type of NODE_TYPES) {
        const table = type.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
        const rows = await connection
          // Double-quoted identifiers are standard SQL: both databases read them ("user" too).
          .execute<{ id: number | string | null }[]>(
            `select min(id) as id from "${sqlIdentifier(table)}"`,
          )
          .catch(() => [{ id: null }]);
        ids.set(type, Number(rows[0]?.id ?? 1) || 1);
      }
    });

    /** The node type an ID field points at, from its name and the mutation's. */
    function idType(field: string, mutation: string): NodeType | null {
      const base =
        field === 'id'
          ? mutation
              .replace(/^(create|update|archive|mark|import|add|end|set|restore|anonymise)/, '')
              .replace(/Handled$/, '')
          : field.replace(/Ids?$/, '');
      const aliases: Record<string, NodeType> = {
        group: 'WorkingGroup',
        network: 'Organisation',
        host: 'Organisation',
        presenter: 'Person',
        nextMeeting: 'Meeting',
        sourceMeeting: 'Meeting',
        sourceAgendaItem: 'AgendaItem',
        relatedResource: 'Resource',
        member: 'Organisation',
        GroupRole: 'GroupMembership',
      };
      if (aliases[base]) return aliases[base];
      const capitalised = base.charAt(0).toUpperCase() + base.slice(1);
      return NODE_TYPES.find((t) => t === capitalised) ?? null;
    }

    type Leaf = { path: (string | number)[]; kind: 'text' | 'date' | 'dateTime' };

    /** A minimal valid-looking value of an input type: required fields only. */
    function baseline(type: GraphQLInputType, name: string, mutation: string, depth = 0): unknown {
      if (type instanceof GraphQLNonNull) return baseline(type.ofType, name, mutation, depth);
      if (type instanceof GraphQLList) return [baseline(type.ofType, name, mutation, depth)];
      if (type instanceof GraphQLEnumType) return type.getValues()[0]!.value;
      if (type instanceof GraphQLInputObjectType) {
        const value: Record<string, unknown> = {};
        for (const field of Object.values(type.getFields())) {
          if (field.type instanceof GraphQLNonNull && depth < 4) {
            value[field.name] = baseline(field.type, field.name, mutation, depth + 1);
          }
        }
        return value;
      }
      const scalar = type.name;
      if (scalar === 'ID') {
        const nodeType = idType(name, mutation);
        return nodeType ? toGlobalId(nodeType, ids.get(nodeType) ?? 1) : toGlobalId('Tag', 1);
      }
      // Version 1 is every seeded record's; an Int elsewhere is a count or a position.
      if (scalar === 'Int' || scalar === 'Float') return 1;
      if (scalar === 'Boolean') return false;
      if (scalar === 'DateTime') return '2024-03-11T10:00';
      if (scalar === 'Date') return '2024-03-11';
      if (/url|homepage|link/i.test(name)) return 'https://example.org/fuzz';
      if (/email/i.test(name)) return 'fuzz@example.org';
      if (/password/i.test(name)) return 'pitkä-salasana-123';
      return 'Testi';
    }

    /** Every String, Date and DateTime field inside an input type (lists by their first item). */
    function leaves(type: GraphQLInputType, path: (string | number)[] = [], depth = 0): Leaf[] {
      if (type instanceof GraphQLNonNull) return leaves(type.ofType, path, depth);
      if (type instanceof GraphQLList) return leaves(type.ofType, [...path, 0], depth);
      if (type instanceof GraphQLInputObjectType) {
        if (depth > 4) return [];
        return Object.values(type.getFields()).flatMap((f) =>
          leaves(f.type, [...path, f.name], depth + 1),
        );
      }
      if (!(type instanceof GraphQLScalarType)) return [];
      if (type.name === 'String') return [{ path, kind: 'text' }];
      if (type.name === 'Date') return [{ path, kind: 'date' }];
      if (type.name === 'DateTime') return [{ path, kind: 'dateTime' }];
      return [];
    }

    /** `value` with `leaf` set, creating the objects and lists on the way. */
    function withLeaf(
      value: unknown,
      type: GraphQLInputType,
      path: (string | number)[],
      leafValue: unknown,
      mutation: string,
    ): unknown {
      if (type instanceof GraphQLNonNull)
        return withLeaf(value, type.ofType, path, leafValue, mutation);
      if (path.length === 0) return leafValue;
      const [head, ...rest] = path;
      if (type instanceof GraphQLList) {
        const list =
          Array.isArray(value) && value.length
            ? [...(value as unknown[])]
            : [baseline(type.ofType, '', mutation)];
        list[0] = withLeaf(list[0], type.ofType, rest, leafValue, mutation);
        return list;
      }
      const object = type as GraphQLInputObjectType;
      const field = object.getFields()[head as string]!;
      const current = (value as Record<string, unknown> | undefined) ?? {};
      const inner = current[field.name] ?? baseline(field.type, field.name, mutation, 1);
      return { ...current, [field.name]: withLeaf(inner, field.type, rest, leafValue, mutation) };
    }

    function selection(field: GraphQLField<unknown, unknown>): string {
      const type = getNamedType(field.type) as GraphQLNamedType;
      if (type instanceof GraphQLObjectType && type.getFields().errors) {
        return '{ errors { field code message } }';
      }
      return type instanceof GraphQLObjectType ? '{ __typename }' : '';
    }

    /** Fields that take any characters, and why. */
    const OPAQUE: Record<string, string> = {
      'signIn password':
        'a password is compared by its hash, never stored as text nor shown: a wrong one is just wrong',
    };

    const CONTROL = [
      '\u0000',
      'a\u0000b',
      '\u001b[2J',
      'x\u0085y',
      'lone \ud800 surrogate',
      'mark\u0002',
    ];
    const BAD_DATES = {
      date: ['2024-02-30', '2024-13-01', '2024-03-11\u0000'],
      dateTime: ['2024-03-11T25:61', '2024-03-11T23:60', '2024-02-30T10:00'],
    };

    it('refuses control characters and impossible dates with a field error on that field, writing nothing', async () => {
      const random = prng(15);
      const outcomes: { mutation: string; field: string; outcome: string }[] = [];
      let cases = 0;
      for (const mutation of mutations) {
        const inputArg = mutation.args.find((a) => a.name === 'input');
        if (!inputArg) continue;
        for (const leaf of leaves(inputArg.type)) {
          const values =
            leaf.kind === 'text'
              ? [
                  CONTROL[Math.floor(random() * CONTROL.length)]!,
                  CONTROL[Math.floor(random() * CONTROL.length)]!,
                ]
              : BAD_DATES[leaf.kind];
          for (const bad of values) {
            cases++;
            const input = withLeaf(
              baseline(inputArg.type, 'input', mutation.name),
              inputArg.type,
              leaf.path,
              // A text leaf keeps something visible around the control character.
              leaf.kind === 'text' ? `Teksti ${bad}` : bad,
              mutation.name,
            );
            const query = `mutation($input: ${String(inputArg.type)}) { ${mutation.name}(input: $input) ${selection(mutation)} }`;
            const before = await readChangeGeneration(api.db.em.fork());
            const reply = await post(api, query, { input }, api.adminToken);
            const after = await readChangeGeneration(api.db.em.fork());
            const field = leaf.path.join('.');
            const failure = serverFailure(reply);
            const payload = (
              reply.body.data as Record<
                string,
                { errors?: { field: string; code: string }[] }
              > | null
            )?.[mutation.name];
            const expectedCode = leaf.kind === 'text' ? 'INVALID_CHARACTERS' : 'INVALID_DATE';
            let outcome: string;
            if (failure) outcome = failure;
            else if (after !== before) outcome = 'wrote something';
            else if (payload?.errors?.some((e) => e.field === field && e.code === expectedCode))
              outcome = 'field error';
            else if (OPAQUE[`${mutation.name} ${field}`]) outcome = 'field error';
            else if (reply.status === 400 || reply.body.errors?.length) {
              outcome = `refused: ${reply.body.errors?.[0]?.extensions?.code} ${reply.body.errors?.[0]?.message}`;
            } else outcome = `accepted: ${JSON.stringify(payload)}`;
            outcomes.push({ mutation: mutation.name, field, outcome });
          }
        }
      }
      expect(cases).toBeGreaterThan(100);
      expect(outcomes.filter((o) => o.outcome !== 'field error')).toEqual([]);
      expect(api.logs).toEqual([]);
    });
  });
});
