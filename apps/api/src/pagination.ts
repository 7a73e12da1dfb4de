/**
 * Relay cursor connections over offset paging. A cursor is `base64url("o:<offset>")`: opaque to
 * clients and stable for an unchanged list. At most 100 items a page.
 */
import { GraphQLError } from 'graphql';
import { MAX_PAGE_SIZE } from '@ake/domain/orm';

export const DEFAULT_PAGE_SIZE = 20;

function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** The offset a cursor points after. */
function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('after is not a cursor from this API', 'after');
  return Number(match[1]);
}

/** The cursor of the item at an offset. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** The limit and offset asked for by `first` and `after`; `first` above 100 is refused. */
export function pageArgs(args: { first?: number | null; after?: string | null }): {
  limit: number;
  offset: number;
} {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { limit: first, offset };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** A connection from one page of items, its offset and the total count. */
export function toConnection<T>(items: T[], totalCount: number, offset: number): Connection<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    nodes: items,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
