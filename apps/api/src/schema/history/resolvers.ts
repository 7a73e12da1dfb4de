/**
 * History and undo: revisions with the names behind their ids, restoring an earlier version,
 * the archive of every kind and bringing a record back from it, and tags across kinds
 * (usage counts, merging). The domain's `HistoryService` and `TagService` do the work.
 */
import DataLoader from 'dataloader';
import { type UserError } from '@ake/domain';
import { CURATED_TYPES, InvalidInput, Tag, User } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { type Context } from '../../context.js';
import { decodeId, fromGlobalId, toGlobalId } from '../../ids.js';
import { pageArgs, toConnection } from '../../pagination.js';
import { loadRef } from '../shared.js';

type Usage = { resources: number; bestPractices: number; developmentIdeas: number };

const usageLoaders = new WeakMap<Context, DataLoader<number, Usage>>();

/** Tag usage counts for every tag of a request in three queries. */
function usageLoader(ctx: Context): DataLoader<number, Usage> {
  let loader = usageLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const usage = await ctx.services.tags.usage(ids);
      return ids.map(
        (id) => usage.get(id) ?? { resources: 0, bestPractices: 0, developmentIdeas: 0 },
      );
    });
    usageLoaders.set(ctx, loader);
  }
  return loader;
}

function canCurate(ctx: Context): boolean {
  return ctx.actor.kind === 'user' && (ctx.actor.role === 'curator' || ctx.actor.role === 'admin');
}

/** Runs a write whose id decoding may fail with field errors, as a payload with `errors`. */
async function payload<T extends { errors: UserError[] }>(
  run: () => Promise<T>,
  empty: Omit<T, 'errors'>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidInput) return { ...empty, errors: error.errors } as T;
    throw error;
  }
}

export const historyResolvers: Resolvers = {
  Query: {
    tag: async (_parent, { slug }, ctx) => {
      let tag = await ctx.services.tags.bySlug(slug);
      for (let hops = 0; tag?.archivedAt && tag.mergedIntoId && hops < 10; hops++) {
        tag = await ctx.loaders.byId(Tag, tag.mergedIntoId);
      }
      return tag && !tag.archivedAt ? tag : null;
    },
    archivedRecords: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const [items, total] = await ctx.services.history.archived(
        ctx.actor,
        { type: args.kind ?? undefined },
        page,
      );
      return toConnection(items, total, page.offset);
    },
  },
  Mutation: {
    restoreRevision: (_parent, { input }, ctx) =>
      payload(
        async () => {
          const revisionId = decodeId(input.id, 'Revision', 'id');
          const result = await ctx.services.history.restoreRevision(ctx.actor, {
            revisionId,
            expectedVersion: input.expectedVersion,
          });
          return result.ok
            ? { record: result.value.entity as never, revision: result.value.revision, errors: [] }
            : { record: null, revision: null, errors: result.errors };
        },
        { record: null, revision: null },
      ),
    restoreArchived: (_parent, { input }, ctx) =>
      payload(
        async () => {
          const parsed = fromGlobalId(input.id);
          if (!parsed || !CURATED_TYPES.includes(parsed.type)) {
            throw new InvalidInput([
              {
                field: 'id',
                code: 'UNKNOWN_REFERENCE',
                message: `Not the id of a curated record: ${String(input.id).slice(0, 100)}`,
              },
            ]);
          }
          const result = await ctx.services.history.restoreArchived(ctx.actor, {
            type: parsed.type,
            id: parsed.id,
            version: input.version,
          });
          return result.ok
            ? { record: result.value.entity as never, errors: [] }
            : { record: null, errors: result.errors };
        },
        { record: null },
      ),
    mergeTags: (_parent, { input }, ctx) =>
      payload(
        async () => {
          const errors: UserError[] = [];
          const decode = (value: string, field: string) => {
            try {
              return decodeId(value, 'Tag', field);
            } catch (error) {
              if (!(error instanceof InvalidInput)) throw error;
              errors.push(...error.errors);
              return 0;
            }
          };
          const sourceId = decode(input.sourceId, 'sourceId');
          const targetId = decode(input.targetId, 'targetId');
          if (errors.length) throw new InvalidInput(errors);
          const result = await ctx.services.tags.merge(ctx.actor, {
            sourceId,
            targetId,
            sourceVersion: input.sourceVersion,
          });
          return result.ok
            ? {
                tag: result.value.target,
                mergedTag: result.value.source,
                movedCount: result.value.moved,
                errors: [],
              }
            : { tag: null, mergedTag: null, movedCount: null, errors: result.errors };
        },
        { tag: null, mergedTag: null, movedCount: null },
      ),
  },
  Revision: {
    id: (parent) => toGlobalId('Revision', parent.id),
    restoredFromVersion: (parent) => parent.restoredFromVersion ?? null,
    changes: async (parent, _args, ctx) =>
      (await ctx.services.history.describe([parent])).get(parent.id) ?? [],
    restorePreview: async (parent, _args, ctx) =>
      canCurate(ctx) ? ((await ctx.services.history.restorePreview(parent.id)) ?? []) : null,
  },
  FieldChange: {
    fromNames: (parent) => parent.fromNames ?? null,
    toNames: (parent) => parent.toNames ?? null,
  },
  Tag: {
    usage: async (parent, _args, ctx) => {
      const usage = await usageLoader(ctx).load(parent.id);
      return { ...usage, total: usage.resources + usage.bestPractices + usage.developmentIdeas };
    },
  },
  ArchivedRecord: {
    kind: (parent) => parent.type as never,
    record: (parent) => parent.entity as never,
    archivedAt: (parent) => parent.entity.archivedAt ?? new Date(0),
    archivedBy: (parent, _args, ctx) =>
      loadRef(ctx, User, (parent.entity as { updatedBy?: { id: number } | null }).updatedBy),
    mergedInto: (parent, _args, ctx) => {
      const id = (parent.entity as { mergedIntoId?: number | null }).mergedIntoId;
      return id ? ctx.loaders.byId(Tag, id) : null;
    },
  },
};
