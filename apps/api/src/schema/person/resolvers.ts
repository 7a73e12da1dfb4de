import { Organisation } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { decodeArgumentId, decodeId } from '../../ids.js';
import { pageArgs, toConnection } from '../../pagination.js';
import { decodeInput, directoryResolvers, loadRef, mutation } from '../shared.js';

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
  },
  Mutation: {
    createPerson: (_parent, { input }, ctx) =>
      mutation('person', () => ctx.services.people.create(ctx.actor, decodeInput(input, null))),
    updatePerson: (_parent, { input }, ctx) =>
      mutation('person', () => ctx.services.people.update(ctx.actor, decodeInput(input, 'Person'))),
    anonymisePerson: (_parent, { input }, ctx) =>
      mutation('person', async () =>
        ctx.services.people.anonymise(ctx.actor, decodeId(input.id, 'Person', 'id')),
      ),
  },
  Person: {
    ...directoryResolvers('Person'),
    organisation: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.organisation),
    anonymised: (parent) => Boolean(parent.anonymisedAt),
    // Personal data: the public directory shows names and organisations, not addresses.
    email: (parent, _args, ctx) =>
      ctx.actor.kind === 'user' || ctx.actor.kind === 'system' ? (parent.email ?? null) : null,
    groupRoles: (parent, _args, ctx) => ctx.services.groups.rolesOf(parent.id),
  },
};
