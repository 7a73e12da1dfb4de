import { GraphQLError } from 'graphql';
import {
  BestPractice,
  DevelopmentIdea,
  type EntitySchema,
  Meeting,
  MentoringProgramme,
  Organisation,
  Resource,
  type SearchType,
  Training,
  WorkVisit,
  MAX_PAGE_SIZE,
  highlightToHtml,
} from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { type NodeType, decodeArgumentId, toGlobalId } from '../../ids.js';

/** Search's record types and the GraphQL types and entities they stand for. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- entity schemas of different types
const TYPES: Record<SearchType, { node: NodeType; entity: EntitySchema<any, any> }> = {
  resource: { node: 'Resource', entity: Resource },
  'best-practice': { node: 'BestPractice', entity: BestPractice },
  'development-idea': { node: 'DevelopmentIdea', entity: DevelopmentIdea },
  meeting: { node: 'Meeting', entity: Meeting },
  training: { node: 'Training', entity: Training },
  'work-visit': { node: 'WorkVisit', entity: WorkVisit },
  'mentoring-programme': { node: 'MentoringProgramme', entity: MentoringProgramme },
  organisation: { node: 'Organisation', entity: Organisation },
};

/** The GraphQL value a facet value is filtered by. */
function facetValue(field: string, value: string): string {
  if (field === 'type') return value.toUpperCase().replace(/-/g, '_');
  if (field === 'language') return value.toUpperCase();
  if (field === 'organisation') return toGlobalId('Organisation', Number(value));
  return value;
}

export const searchResolvers: Resolvers = {
  Searchable: {
    __resolveType: (parent) =>
      ((parent as { __searchType?: NodeType }).__searchType ?? null) as never,
  },
  Query: {
    search: async (_parent, args, ctx) => {
      const first = args.first ?? 20;
      if (first < 0 || first > MAX_PAGE_SIZE) {
        throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
        });
      }
      const f = args.filter ?? {};
      const result = await ctx.services.search.search(args.query, {
        first,
        after: args.after,
        filter: {
          types: f.types ?? undefined,
          tags: f.tags ?? undefined,
          years: f.years ?? undefined,
          languages: f.languages ?? undefined,
          organisationIds: f.organisationIds?.map((id, i) =>
            decodeArgumentId(id, 'Organisation', `filter.organisationIds.${i}`),
          ),
        },
      });
      const edges = await Promise.all(
        result.edges.map(async (edge) => {
          const { node, entity } = TYPES[edge.type];
          const record = (await ctx.loaders.byId(entity, edge.id)) as object | null;
          if (record)
            Object.defineProperty(record, '__searchType', { value: node, configurable: true });
          return {
            cursor: edge.cursor,
            node: record,
            snippet: highlightToHtml(edge.snippet),
            highlightedTitle: highlightToHtml(edge.titleHighlighted),
            score: edge.score,
          };
        }),
      );
      return {
        totalCount: result.totalCount,
        isApproximate: result.approximate,
        // A hit whose record vanished between the index read and the load is left out.
        edges: edges.filter((e) => e.node !== null),
        pageInfo: {
          hasNextPage: result.pageInfo.hasNextPage,
          hasPreviousPage: Boolean(args.after),
          startCursor: edges[0]?.cursor ?? null,
          endCursor: result.pageInfo.endCursor,
        },
        facets: result.facets.map((facet) => ({
          field: facet.field,
          values: facet.values.map((v) => ({
            value: facetValue(facet.field, v.value),
            label: v.label ?? null,
            count: v.count,
          })),
        })),
        suggestions: result.suggestions,
      } as never;
    },
  },
  WorkVisit: {
    title: async (parent, _args, ctx) => {
      const host = await ctx.loaders.byId(Organisation, parent.host.id);
      const [y, m, d] = parent.startDate.split('-').map(Number);
      return `${host?.name ?? 'Työvierailu'} ${d}.${m}.${y}`;
    },
  },
  MentoringProgramme: {
    title: (parent) => parent.name,
  },
  Organisation: {
    title: (parent) => parent.name,
  },
};
