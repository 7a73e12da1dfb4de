import { AgendaItem, Meeting, Organisation } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { decodeArgumentId } from '../../ids.js';
import { pageArgs, toConnection } from '../../pagination.js';
import { archiveInput, curatedResolvers, decodeInput, loadRef, mutation } from '../shared.js';
import { linkHealthResolvers } from './link-health.js';
import { linkPreviewResolvers } from './link-preview.js';

export const contentResolvers: Resolvers = {
  Query: {
    ...linkPreviewResolvers.Query,
    resources: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const f = args.filter ?? {};
      const [items, total] = await ctx.services.resources.list(
        {
          tag: f.tag ?? undefined,
          language: f.language ?? undefined,
          kind: f.kind ?? undefined,
          sourceMeetingId: f.sourceMeetingId
            ? decodeArgumentId(f.sourceMeetingId, 'Meeting', 'filter.sourceMeetingId')
            : undefined,
          broken: f.broken ?? undefined,
        },
        page,
        args.orderBy
          ? {
              field: args.orderBy.field === 'TITLE' ? 'title' : 'createdAt',
              direction: args.orderBy.direction === 'ASC' ? 'asc' : 'desc',
            }
          : undefined,
      );
      return toConnection(items, total, page.offset);
    },
    bestPractices: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const f = args.filter ?? {};
      const [items, total] = await ctx.services.bestPractices.list(
        { tag: f.tag ?? undefined, language: f.language ?? undefined },
        page,
      );
      return toConnection(items, total, page.offset);
    },
    developmentIdeas: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const f = args.filter ?? {};
      const [items, total] = await ctx.services.developmentIdeas.list(
        { status: f.status ?? undefined, tag: f.tag ?? undefined },
        page,
      );
      return toConnection(items, total, page.offset);
    },
    tags: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const [items, total] = await ctx.services.tags.page(page);
      return toConnection(items, total, page.offset);
    },
  },
  Mutation: {
    ...linkHealthResolvers.Mutation,
    createResource: (_parent, { input }, ctx) =>
      mutation('resource', () =>
        ctx.services.resources.create(ctx.actor, decodeInput(input, null)),
      ),
    updateResource: (_parent, { input }, ctx) =>
      mutation('resource', () =>
        ctx.services.resources.update(ctx.actor, decodeInput(input, 'Resource')),
      ),
    archiveResource: (_parent, { input }, ctx) =>
      mutation('resource', () =>
        ctx.services.resources.archive(ctx.actor, archiveInput(input, 'Resource')),
      ),
    createBestPractice: (_parent, { input }, ctx) =>
      mutation('bestPractice', () =>
        ctx.services.bestPractices.create(ctx.actor, decodeInput(input, null)),
      ),
    updateBestPractice: (_parent, { input }, ctx) =>
      mutation('bestPractice', () =>
        ctx.services.bestPractices.update(ctx.actor, decodeInput(input, 'BestPractice')),
      ),
    archiveBestPractice: (_parent, { input }, ctx) =>
      mutation('bestPractice', () =>
        ctx.services.bestPractices.archive(ctx.actor, archiveInput(input, 'BestPractice')),
      ),
    createDevelopmentIdea: (_parent, { input }, ctx) =>
      mutation('developmentIdea', () =>
        ctx.services.developmentIdeas.create(ctx.actor, decodeInput(input, null)),
      ),
    updateDevelopmentIdea: (_parent, { input }, ctx) =>
      mutation('developmentIdea', () =>
        ctx.services.developmentIdeas.update(ctx.actor, decodeInput(input, 'DevelopmentIdea')),
      ),
    archiveDevelopmentIdea: (_parent, { input }, ctx) =>
      mutation('developmentIdea', () =>
        ctx.services.developmentIdeas.archive(ctx.actor, archiveInput(input, 'DevelopmentIdea')),
      ),
    createTag: (_parent, { input }, ctx) =>
      mutation('tag', () => ctx.services.tags.create(ctx.actor, decodeInput(input, null))),
    updateTag: (_parent, { input }, ctx) =>
      mutation('tag', () => ctx.services.tags.update(ctx.actor, decodeInput(input, 'Tag'))),
    archiveTag: (_parent, { input }, ctx) =>
      mutation('tag', () => ctx.services.tags.archive(ctx.actor, archiveInput(input, 'Tag'))),
  },
  Resource: {
    ...curatedResolvers('Resource'),
    tags: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'tags')).tags.getItems(),
    organisation: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.organisation),
    sourceMeeting: (parent, _args, ctx) => loadRef(ctx, Meeting, parent.sourceMeeting),
    sourceAgendaItem: (parent, _args, ctx) => loadRef(ctx, AgendaItem, parent.sourceAgendaItem),
    ...linkHealthResolvers.Resource,
  },
  BestPractice: {
    ...curatedResolvers('BestPractice'),
    tags: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'tags')).tags.getItems(),
    relatedResources: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'relatedResources')).relatedResources
        .getItems()
        .filter((r) => !r.archivedAt),
    originOrganisation: (parent, _args, ctx) =>
      loadRef(ctx, Organisation, parent.originOrganisation),
    sourceMeeting: (parent, _args, ctx) => loadRef(ctx, Meeting, parent.sourceMeeting),
  },
  DevelopmentIdea: {
    ...curatedResolvers('DevelopmentIdea'),
    tags: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'tags')).tags.getItems(),
    sourceMeeting: (parent, _args, ctx) => loadRef(ctx, Meeting, parent.sourceMeeting),
    sourceAgendaItem: (parent, _args, ctx) => loadRef(ctx, AgendaItem, parent.sourceAgendaItem),
  },
  Tag: {
    ...curatedResolvers('Tag'),
  },
};
