import { helsinkiDate } from '@ake/domain';
import { Organisation } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { decodeArgumentId, toGlobalId } from '../../ids.js';
import { pageArgs, toConnection } from '../../pagination.js';
import { dateArgument } from '../common/scalars.js';
import { decodeInput, directoryResolvers, loadRef, mutation } from '../shared.js';

const today = () => helsinkiDate(new Date());

export const organisationResolvers: Resolvers = {
  Query: {
    organisations: async (_parent, args, ctx) => {
      const page = pageArgs(args);
      const f = args.filter ?? {};
      const [items, total] = await ctx.services.organisations.list(
        {
          kind: f.kind ?? undefined,
          nameContains: f.nameContains ?? undefined,
          networkId: f.networkId
            ? decodeArgumentId(f.networkId, 'Organisation', 'filter.networkId')
            : undefined,
          on: dateArgument(f.on, 'filter.on'),
          city: f.city ?? undefined,
        },
        page,
      );
      return toConnection(items, total, page.offset);
    },
    organisationTowns: (_parent, _args, ctx) => ctx.services.organisations.towns(),
  },
  Mutation: {
    createOrganisation: (_parent, { input }, ctx) =>
      mutation('organisation', () =>
        ctx.services.organisations.create(ctx.actor, decodeInput(input, null)),
      ),
    updateOrganisation: (_parent, { input }, ctx) =>
      mutation('organisation', () =>
        ctx.services.organisations.update(ctx.actor, decodeInput(input, 'Organisation')),
      ),
    addOrganisationMembership: (_parent, { input }, ctx) =>
      mutation('membership', () =>
        ctx.services.organisations.addMembership(ctx.actor, decodeInput(input, null)),
      ),
    endOrganisationMembership: (_parent, { input }, ctx) =>
      mutation('membership', () =>
        ctx.services.organisations.endMembership(
          ctx.actor,
          decodeInput(input, 'OrganisationMembership'),
        ),
      ),
  },
  Organisation: {
    ...directoryResolvers('Organisation'),
    parent: (parent, _args, ctx) =>
      loadRef(ctx, Organisation, parent.parent as { id: number } | null),
    latitude: (parent) =>
      parent.latitude === null || parent.latitude === undefined ? null : Number(parent.latitude),
    longitude: (parent) =>
      parent.longitude === null || parent.longitude === undefined ? null : Number(parent.longitude),
    network: (parent, args, ctx) =>
      ctx.services.organisations.networkOn(parent.id, dateArgument(args.on, 'on') ?? today()),
    members: (parent, args, ctx) =>
      parent.kind === 'library_network'
        ? ctx.services.organisations.membersOn(parent.id, dateArgument(args.on, 'on') ?? today())
        : [],
    memberships: (parent, _args, ctx) => ctx.services.organisations.memberships(parent.id),
    people: async (parent, _args, ctx) =>
      (await ctx.services.people.list({ organisationId: parent.id }, { limit: 100 }))[0],
  },
  OrganisationMembership: {
    id: (parent) => toGlobalId('OrganisationMembership', parent.id),
    member: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.member) as never,
    network: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.network) as never,
  },
};
