import { GraphQLError } from 'graphql';
import {
  ActionItem,
  AgendaItem,
  BestPractice,
  DevelopmentIdea,
  Meeting,
  MentoringProgramme,
  Organisation,
  Person,
  Resource,
  Tag,
  Training,
  User,
  WorkVisit,
  WorkingGroup,
} from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { type Context } from '../../context.js';
import { type NodeType, fromGlobalId } from '../../ids.js';
import { DateScalar, DateTimeScalar } from './scalars.js';

const ENTITIES = {
  ActionItem,
  AgendaItem,
  BestPractice,
  DevelopmentIdea,
  Meeting,
  MentoringProgramme,
  Organisation,
  Person,
  Resource,
  Tag,
  Training,
  User,
  WorkVisit,
  WorkingGroup,
} as const;

/**
 * The node types `node(id:)` loads (not accessibility feedback, for curators only, nor revisions,
 * nor membership periods, which are read through their organisation or person).
 */
type EntityNodeType = Exclude<
  NodeType,
  'AccessibilityFeedback' | 'Revision' | 'GroupMembership' | 'OrganisationMembership'
>;

/** The GraphQL type of a node, remembered on the object so `__resolveType` can answer. */
const NODE_TYPE = Symbol('nodeType');

/** Loads any node by global id; archived records are not visible. */
async function loadNode(ctx: Context, globalId: string): Promise<object | null> {
  const parsed = fromGlobalId(globalId);
  if (!parsed) return null;
  const Entity = (ENTITIES as Partial<Record<NodeType, unknown>>)[parsed.type];
  if (!Entity) return null;
  const entity = await ctx.loaders.byId(Entity as never, parsed.id);
  if (!entity) return null;
  if ((entity as { archivedAt?: Date | null }).archivedAt) return null;
  Object.defineProperty(entity, NODE_TYPE, { value: parsed.type, configurable: true });
  return entity;
}

/** The GraphQL type name of an entity, from its MikroORM metadata. */
export function typeOfEntity(entity: object): EntityNodeType | null {
  const remembered = (entity as { [NODE_TYPE]?: EntityNodeType })[NODE_TYPE];
  if (remembered) return remembered;
  const name = (entity as { constructor?: { name?: string } }).constructor?.name;
  const meta = (entity as { __meta?: { className?: string } }).__meta;
  const type = meta?.className ?? name;
  return type && type in ENTITIES ? (type as EntityNodeType) : null;
}

export const commonResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Node: {
    __resolveType: (parent) => typeOfEntity(parent),
  },
  Curated: {
    __resolveType: (parent) => typeOfEntity(parent) as never,
  },
  Query: {
    node: (_parent, { id }, ctx) => loadNode(ctx, id) as never,
    nodes: async (_parent, { ids }, ctx) => {
      if (ids.length > 100) {
        throw new GraphQLError('At most 100 ids at a time', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      return (await Promise.all(ids.map((id) => loadNode(ctx, id)))) as never;
    },
  },
  Mutation: {
    _ping: () => true,
  },
  Revision: {
    actor: (parent, _args, ctx) => (parent.actor ? ctx.loaders.byId(User, parent.actor.id) : null),
    changes: (parent) =>
      Object.entries(parent.changes).map(([field, change]) => ({
        field,
        from: change.from,
        to: change.to,
      })),
  },
  FieldChange: {
    from: (parent) =>
      parent.from === null || parent.from === undefined ? null : JSON.stringify(parent.from),
    to: (parent) =>
      parent.to === null || parent.to === undefined ? null : JSON.stringify(parent.to),
  },
};
