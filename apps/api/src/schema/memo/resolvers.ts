import { parseMemoText } from '@ake/memo';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { decodeOptionalId } from '../../ids.js';
import { mutation } from '../shared.js';

/** Memo texts larger than this are refused as input (a memo is a few pages). */
const MAX_MEMO_CHARS = 90_000;

export const memoResolvers: Resolvers = {
  Mutation: {
    importMeetingMemo: async (_parent, { input }, ctx) => {
      if (input.text.length > MAX_MEMO_CHARS) {
        return {
          draft: null,
          meeting: null,
          alreadyImported: false,
          created: null,
          notes: [],
          errors: [
            { field: 'text', code: 'TOO_LONG', message: `At most ${MAX_MEMO_CHARS} characters` },
          ],
        };
      }
      const draft = parseMemoText(input.text, { fileName: input.fileName ?? undefined });
      let result: Awaited<ReturnType<typeof ctx.services.memoImport.importDraft>> | null = null;
      const payload = await mutation('value', async () => {
        result = await ctx.services.memoImport.importDraft(ctx.actor, draft, input.text, {
          dryRun: input.dryRun ?? false,
          fileName: input.fileName ?? undefined,
          groupId: decodeOptionalId(input.groupId, 'WorkingGroup', 'groupId') ?? undefined,
        });
        return result;
      });
      const value = payload.value;
      return {
        draft: draft as never,
        meeting: value?.meeting ?? null,
        alreadyImported: value?.alreadyImported ?? false,
        created: value?.created ?? null,
        notes: value?.notes.map((n) => n.message) ?? [],
        errors: payload.errors,
      };
    },
  },
};
