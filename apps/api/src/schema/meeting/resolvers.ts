import { helsinkiDate, meetingStatusAt, OPEN_ACTION_STATUSES } from '@ake/domain';
import { AgendaItem, Meeting, Organisation, Person, WorkingGroup } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { type Context } from '../../context.js';
import { decodeArgumentId, toGlobalId } from '../../ids.js';
import { pageArgs, toConnection } from '../../pagination.js';
import { dateArgument, instantArgument } from '../common/scalars.js';
import { archiveInput, curatedResolvers, decodeInput, loadRef, mutation } from '../shared.js';

/** A venue with its organisation, or null when nothing of it is known. */
export async function venueOf(
  ctx: Context,
  venue:
    | {
        room?: string | null;
        floor?: string | null;
        building?: string | null;
        street?: string | null;
        town?: string | null;
      }
    | null
    | undefined,
  organisationRef: { id: number } | null | undefined,
) {
  const organisation = organisationRef
    ? await ctx.loaders.byId(Organisation, organisationRef.id)
    : null;
  const parts = {
    room: venue?.room ?? null,
    floor: venue?.floor ?? null,
    building: venue?.building ?? null,
    street: venue?.street ?? null,
    town: venue?.town ?? null,
  };
  if (!organisation && Object.values(parts).every((v) => v === null)) return null;
  return { ...parts, organisation };
}

export const meetingResolvers: Resolvers = {
  Query: {
    meetings: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const f = args.filter ?? {};
      const [items, total] = await ctx.services.meetings.list(
        {
          groupId: f.groupId
            ? decodeArgumentId(f.groupId, 'WorkingGroup', 'filter.groupId')
            : undefined,
          from: instantArgument(f.from, 'filter.from'),
          to: instantArgument(f.to, 'filter.to'),
          status: f.status ?? undefined,
          format: f.format ?? undefined,
        },
        page,
        args.orderBy
          ? {
              field: args.orderBy.field === 'TITLE' ? 'title' : 'startsAt',
              direction: args.orderBy.direction === 'ASC' ? 'asc' : 'desc',
            }
          : undefined,
      );
      return toConnection(items, total, page.offset);
    },
    actionItems: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const f = args.filter ?? {};
      const [items, total] = await ctx.services.actionItems.list(
        {
          statuses: f.status ?? undefined,
          ownerId: f.ownerId ? decodeArgumentId(f.ownerId, 'Person', 'filter.ownerId') : undefined,
          organisationId: f.organisationId
            ? decodeArgumentId(f.organisationId, 'Organisation', 'filter.organisationId')
            : undefined,
          groupId: f.groupId
            ? decodeArgumentId(f.groupId, 'WorkingGroup', 'filter.groupId')
            : undefined,
          dueBefore: dateArgument(f.dueBefore, 'filter.dueBefore'),
          overdue: f.overdue ?? undefined,
        },
        page,
      );
      return toConnection(items, total, page.offset);
    },
  },
  Mutation: {
    setActionItemStatus: (_parent, { input }, ctx) =>
      mutation('actionItem', () =>
        ctx.services.actionItems.setStatus(ctx.actor, decodeInput(input, 'ActionItem')),
      ),
    createMeeting: (_parent, { input }, ctx) =>
      mutation('meeting', () => ctx.services.meetings.create(ctx.actor, decodeInput(input, null))),
    updateMeeting: (_parent, { input }, ctx) =>
      mutation('meeting', () =>
        ctx.services.meetings.update(ctx.actor, decodeInput(input, 'Meeting')),
      ),
    archiveMeeting: (_parent, { input }, ctx) =>
      mutation('meeting', () =>
        ctx.services.meetings.archive(ctx.actor, archiveInput(input, 'Meeting')),
      ),
  },
  Meeting: {
    ...curatedResolvers('Meeting'),
    status: (parent) => meetingStatusAt(parent) as never,
    recordedStatus: (parent) => parent.status as never,
    earlierOpenActions: (parent, _args, ctx) =>
      ctx.services.actionItems.openBefore({
        id: parent.id,
        startsAt: parent.startsAt,
        group: { id: (parent.group as { id: number }).id },
      }),
    group: (parent, _args, ctx) => loadRef(ctx, WorkingGroup, parent.group) as never,
    venue: (parent, _args, ctx) => venueOf(ctx, parent.venue, parent.venueOrganisation),
    sourceText: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'sourceText')).sourceText ?? null,
    nextMeeting: async (parent, _args, ctx) => {
      const next = await loadRef(ctx, Meeting, parent.nextMeeting as { id: number } | null);
      return next && !next.archivedAt ? next : null;
    },
    participants: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'participants')).participants.getItems() as never,
    agenda: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'agendaItems')).agendaItems
        .getItems()
        .sort((a, b) => a.number - b.number) as never,
    resources: async (parent, _args, ctx) => {
      const [items] = await ctx.services.resources.list(
        { sourceMeetingId: parent.id },
        { limit: 100 },
      );
      return items;
    },
  },
  MeetingParticipant: {
    person: (parent, _args, ctx) => loadRef(ctx, Person, parent.person) as never,
    organisation: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.organisation),
  },
  AgendaItem: {
    id: (parent) => toGlobalId('AgendaItem', parent.id),
    decisions: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'decisions')).decisions.getItems() as never,
    actions: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'actions')).actions.getItems() as never,
  },
  ActionItem: {
    id: (parent) => toGlobalId('ActionItem', parent.id),
    owner: (parent, _args, ctx) => loadRef(ctx, Person, parent.owner),
    agendaItem: (parent, _args, ctx) => loadRef(ctx, AgendaItem, parent.agendaItem) as never,
    meeting: async (parent, _args, ctx) => {
      const item = await ctx.loaders.byId(AgendaItem, parent.agendaItem.id);
      return loadRef(ctx, Meeting, item?.meeting) as never;
    },
    overdue: (parent) =>
      (OPEN_ACTION_STATUSES as readonly string[]).includes(parent.status) &&
      parent.dueDate !== null &&
      parent.dueDate !== undefined &&
      String(parent.dueDate) < helsinkiDate(new Date()),
  },
};
