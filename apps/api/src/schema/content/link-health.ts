/**
 * Link health on resources: the latest check (`linkHealth`), the history (`linkChecks`), both
 * batched per request, and `checkLinks` for curators who want an answer now.
 */
import { type LinkCheck as LinkCheckEntity, InvalidInput } from '@ake/domain/orm';
import {
  type LinkCheck,
  type LinkStatus,
  type Resolvers,
} from '../../__generated__/resolvers-types.js';
import { decodeId } from '../../ids.js';

/** Links one `checkLinks` call may check: it answers when they are done. */
const MAX_CHECK_LINKS = 20;
const MAX_HISTORY = 100;

/** A stored check as the GraphQL type (statuses are upper case there). */
function toLinkCheck(check: LinkCheckEntity): LinkCheck {
  return {
    status: check.status.toUpperCase() as LinkStatus,
    httpStatus: check.httpStatus ?? null,
    finalUrl: check.finalUrl ?? null,
    redirects: check.redirects,
    error: check.error ?? null,
    url: check.url,
    attempts: check.attempts,
    durationMs: check.durationMs,
    checkedAt: check.checkedAt,
  };
}

export const linkHealthResolvers: Resolvers = {
  Mutation: {
    checkLinks: async (_parent, { input }, ctx) => {
      if (input.resourceIds.length > MAX_CHECK_LINKS) {
        const message = `At most ${MAX_CHECK_LINKS} links at a time; \`pnpm ake links check\` checks them all`;
        return { resources: [], errors: [{ field: 'resourceIds', code: 'TOO_LARGE', message }] };
      }
      let ids: number[];
      try {
        ids = input.resourceIds.map((id, i) => decodeId(id, 'Resource', `resourceIds.${i}`));
      } catch (error) {
        if (error instanceof InvalidInput) return { resources: [], errors: error.errors };
        throw error;
      }
      const report = await ctx.services.links.checkResources(ctx.actor, ids);
      const resources = await Promise.all(
        report.entries.map((e) => ctx.services.resources.get(e.resourceId)),
      );
      return { resources: resources.filter((r) => r !== null), errors: [] };
    },
  },
  Resource: {
    linkHealth: async (parent, _args, ctx) => {
      const [latest] = await ctx.loaders.linkChecks(parent.id, 1);
      return latest ? toLinkCheck(latest) : null;
    },
    linkChecks: async (parent, args, ctx) => {
      const first = Math.max(0, Math.min(args.first ?? 10, MAX_HISTORY));
      return (await ctx.loaders.linkChecks(parent.id, first)).map(toLinkCheck);
    },
  },
};
