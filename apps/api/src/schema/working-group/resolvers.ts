import { helsinkiDate } from '@ake/domain';
import { Organisation, Person, WorkingGroup } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { toGlobalId } from '../../ids.js';
import { dateArgument } from '../common/scalars.js';
import { decodeInput, loadRef, mutation } from '../shared.js';

export const workingGroupResolvers: Resolvers = {
  Query: {
    workingGroups: (_parent, _args, ctx) => ctx.services.groups.list(),
  },
  Mutation: {
    addGroupRole: (_parent, { input }, ctx) =>
      mutation('membership', () =>
        ctx.services.groups.assignRole(ctx.actor, decodeInput(input, null)),
      ),
    endGroupRole: (_parent, { input }, ctx) =>
      mutation('membership', () =>
        ctx.services.groups.endRole(ctx.actor, decodeInput(input, 'GroupMembership')),
      ),
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
    id: (parent) => toGlobalId('GroupMembership', parent.id),
    group: (parent, _args, ctx) => loadRef(ctx, WorkingGroup, parent.group) as never,
    person: (parent, _args, ctx) => loadRef(ctx, Person, parent.person) as never,
    organisation: (parent, _args, ctx) => loadRef(ctx, Organisation, parent.organisation),
  },
};
