import { type MemoWarning, parseMemoText, warningMessage } from '@ake/memo';
import { type ImportPlan, type PlannedRef } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { decodeOptionalId } from '../../ids.js';
import { mutation } from '../shared.js';

const params = (values: Record<string, string | number>) =>
  Object.entries(values).map(([name, value]) => ({ name, value: String(value) }));

const warning = (w: MemoWarning) => ({
  code: w.code,
  params: params(w.params),
  message: warningMessage(w),
  line: w.line ?? null,
});

const record = (ref: PlannedRef) => ({ name: ref.name, isNew: ref.id === null });

/** The plan as the schema shows it: a record's id only tells whether it is new. */
function planPayload(plan: ImportPlan) {
  return {
    meeting: {
      ...plan.meeting,
      group: record(plan.meeting.group),
      fillsPlanned: plan.meeting.id !== null,
    },
    participants: plan.participants.map((p) => ({
      ...p,
      person: record(p.person),
      organisation: p.organisation && record(p.organisation),
    })),
    agenda: plan.agenda.map((item) => ({
      ...item,
      actions: item.actions.map((a) => ({ ...a, owner: a.owner && record(a.owner) })),
    })),
    links: plan.links,
    nextMeeting: plan.nextMeeting && {
      ...plan.nextMeeting,
      existing: plan.nextMeeting.id !== null,
    },
    trainings: plan.trainings.map((t) => ({ ...t, existing: t.id !== null })),
    roleChanges: plan.roleChanges.map((c) => ({ ...c, person: record(c.person) })),
  };
}

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
          plan: null,
          notes: [],
          importNotes: [],
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
        draft: { ...draft, warnings: draft.warnings.map(warning) } as never,
        meeting: value?.meeting ?? null,
        alreadyImported: value?.alreadyImported ?? false,
        created: value?.created ?? null,
        plan: value?.plan ? (planPayload(value.plan) as never) : null,
        notes: value?.notes.map((n) => n.message) ?? [],
        importNotes:
          value?.notes.map((n) => ({
            code: n.code,
            params: params(n.params),
            message: n.message,
          })) ?? [],
        errors: payload.errors,
      };
    },
  },
};
