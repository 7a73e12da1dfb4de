import { Meeting, Organisation, Person } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { pageArgs, toConnection } from '../../pagination.js';
import { venueOf } from '../meeting/resolvers.js';
import { archiveInput, curatedResolvers, decodeInput, loadRef, mutation } from '../shared.js';

export const trainingResolvers: Resolvers = {
  Query: {
    trainings: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const f = args.filter ?? {};
      const [items, total] = await ctx.services.trainings.list(
        {
          year: f.year ?? undefined,
          season: f.season ?? undefined,
          status: f.status ?? undefined,
          kind: f.kind ?? undefined,
        },
        page,
      );
      return toConnection(items, total, page.offset);
    },
  },
  Mutation: {
    createTraining: (_parent, { input }, ctx) =>
      mutation('training', () =>
        ctx.services.trainings.create(ctx.actor, decodeInput(input, null)),
      ),
    updateTraining: (_parent, { input }, ctx) =>
      mutation('training', () =>
        ctx.services.trainings.update(ctx.actor, decodeInput(input, 'Training')),
      ),
    archiveTraining: (_parent, { input }, ctx) =>
      mutation('training', () =>
        ctx.services.trainings.archive(ctx.actor, archiveInput(input, 'Training')),
      ),
  },
  Training: {
    ...curatedResolvers('Training'),
    trainer: (parent, _args, ctx) => loadRef(ctx, Person, parent.trainer),
    coordinator: (parent, _args, ctx) => loadRef(ctx, Person, parent.coordinator),
    organiser: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.organiser),
    partner: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.partner),
    sourceMeeting: (parent, _args, ctx) => loadRef(ctx, Meeting, parent.sourceMeeting),
    sessions: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'sessions')).sessions
        .getItems()
        .sort((a, b) => a.position - b.position) as never,
    programme: async (parent, _args, ctx) =>
      (await ctx.loaders.populate(parent, 'programme')).programme
        .getItems()
        .sort((a, b) => a.position - b.position) as never,
  },
  TrainingSession: {
    venue: (parent, _args, ctx) => venueOf(ctx, parent.venue, parent.venueOrganisation),
  },
  ProgrammeItem: {
    presenter: (parent, _args, ctx) => loadRef(ctx, Person, parent.presenter),
  },
};
