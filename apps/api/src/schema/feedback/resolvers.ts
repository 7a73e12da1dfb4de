import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { decodeId, toGlobalId } from '../../ids.js';
import { pageArgs, toConnection } from '../../pagination.js';
import { mutation } from '../shared.js';

export const feedbackResolvers: Resolvers = {
  Query: {
    accessibilityFeedback: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const { items, totalCount } = await ctx.services.feedback.list(ctx.actor, {
        ...page,
        includeHandled: args.includeHandled ?? false,
      });
      return toConnection(items, totalCount, page.offset);
    },
  },
  Mutation: {
    sendAccessibilityFeedback: async (_parent, { input }, ctx) => {
      const result = await mutation('feedback', () => ctx.services.feedback.send(ctx.actor, input));
      return { sent: result.feedback !== null, errors: result.errors };
    },
    markAccessibilityFeedbackHandled: (_parent, { id }, ctx) =>
      mutation('feedback', () =>
        ctx.services.feedback.markHandled(ctx.actor, {
          id: decodeId(id, 'AccessibilityFeedback', 'id'),
        }),
      ),
  },
  AccessibilityFeedback: {
    id: (parent) => toGlobalId('AccessibilityFeedback', parent.id),
  },
};
