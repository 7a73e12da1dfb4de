/** `linkPreview`: a page's title and description for a curator adding a link. */
import { type Resolvers } from '../../__generated__/resolvers-types.js';

export const linkPreviewResolvers: Resolvers = {
  Query: {
    linkPreview: async (_parent, { url }, ctx) => {
      const result = await ctx.services.linkPreview.preview(ctx.actor, url);
      return result.ok
        ? { preview: result.preview, error: null }
        : { preview: null, error: result.error };
    },
  },
};
