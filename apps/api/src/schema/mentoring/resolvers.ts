import { MentoringProgramme, Meeting, Organisation, Person } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { decodeArgumentId } from '../../ids.js';
import { pageArgs, toConnection } from '../../pagination.js';
import { dateArgument } from '../common/scalars.js';
import { archiveInput, curatedResolvers, decodeInput, loadRef, mutation } from '../shared.js';

export const mentoringResolvers: Resolvers = {
  Query: {
    mentoringProgrammes: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const [items, total] = await ctx.services.mentoring.pageProgrammes(page);
      return toConnection(items, total, page.offset);
    },
    workVisits: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const f = args.filter ?? {};
      const [items, total] = await ctx.services.mentoring.listVisits(
        {
          programmeId: f.programmeId
            ? decodeArgumentId(f.programmeId, 'MentoringProgramme', 'filter.programmeId')
            : undefined,
          hostId: f.hostId
            ? decodeArgumentId(f.hostId, 'Organisation', 'filter.hostId')
            : undefined,
          from: dateArgument(f.from, 'filter.from'),
          to: dateArgument(f.to, 'filter.to'),
        },
        page,
      );
      return toConnection(items, total, page.offset);
    },
  },
  Mutation: {
    createWorkVisit: (_parent, { input }, ctx) =>
      mutation('workVisit', () =>
        ctx.services.mentoring.createVisit(ctx.actor, decodeInput(input, null)),
      ),
    updateWorkVisit: (_parent, { input }, ctx) =>
      mutation('workVisit', () =>
        ctx.services.mentoring.updateVisit(ctx.actor, decodeInput(input, 'WorkVisit')),
      ),
    archiveWorkVisit: (_parent, { input }, ctx) =>
      mutation('workVisit', () =>
        ctx.services.mentoring.archiveVisit(ctx.actor, archiveInput(input, 'WorkVisit')),
      ),
  },
  MentoringProgramme: {
    ...curatedResolvers('MentoringProgramme'),
    organiser: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.organiser),
    contact: (parent, _args, ctx) => loadRef(ctx, Person, parent.contact),
    sourceMeeting: (parent, _args, ctx) => loadRef(ctx, Meeting, parent.sourceMeeting),
    coverage: (parent, _args, ctx) => ctx.services.mentoring.coverage(parent.id),
    reportedCoverage: (parent) =>
      parent.reportedDays === null &&
      parent.reportedLibraries === null &&
      parent.reportedBookmobiles === null
        ? null
        : {
            days: parent.reportedDays ?? null,
            libraries: parent.reportedLibraries ?? null,
            bookmobiles: parent.reportedBookmobiles ?? null,
          },
    visits: (parent, _args, ctx) => ctx.services.mentoring.visits(parent.id),
    pairs: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'pairs')).pairs.getItems() as never,
  },
  WorkVisit: {
    ...curatedResolvers('WorkVisit'),
    programme: (parent, _args, ctx) => loadRef(ctx, MentoringProgramme, parent.programme),
    visitor: (parent, _args, ctx) => loadRef(ctx, Person, parent.visitor),
    visitorOrganisation: (parent, _args, ctx) =>
      loadRef(ctx, Organisation, parent.visitorOrganisation),
    host: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.host) as never,
  },
  MentoringPair: {
    mentor: (parent, _args, ctx) => loadRef(ctx, Person, parent.mentor) as never,
    mentee: (parent, _args, ctx) => loadRef(ctx, Person, parent.mentee) as never,
  },
};
