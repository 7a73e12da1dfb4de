import { helsinkiDate } from '@ake/domain';
import { Organisation, Person } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { decodeArgumentId, toGlobalId } from '../../ids.js';
import { pageArgs, toConnection } from '../../pagination.js';
import { dateArgument } from '../common/scalars.js';
import { loadRef } from '../shared.js';

export const personResolvers: Resolvers = {
  Query: {
    people: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const f = args.filter ?? {};
      const [items, total] = await ctx.services.people.list(
        {
          organisationId: f.organisationId
            ? decodeArgumentId(f.organisationId, 'Organisation', 'filter.organisationId')
            : undefined,
          nameContains: f.nameContains ?? undefined,
        },
        page,
      );
      return toConnection(items, total, page.offset);
    },
    workingGroups: (_parent, _args, ctx) => ctx.services.groups.list(),
  },
  Person: {
    id: (parent) => toGlobalId('Person', parent.id),
    organisation: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.organisation),
    anonymised: (parent) => Boolean(parent.anonymisedAt),
  },
  WorkingGroup: {
    id: (parent) => toGlobalId('WorkingGroup', parent.id),
    host: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.host),
    roles: (parent, args, ctx) =>
      ctx.services.groups.rolesOn(
        parent.id,
        dateArgument(args.on, 'on') ?? helsinkiDate(new Date()),
      ),
    memberships: (parent, _args, ctx) => ctx.services.groups.memberships(parent.id),
  },
  GroupMembership: {
    person: (parent, _args, ctx) => loadRef(ctx, Person, parent.person) as never,
    organisation: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.organisation),
  },
};
