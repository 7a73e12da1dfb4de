import { signInInput, validate } from '@ake/domain';
import { InvalidInput, Person, User } from '@ake/domain/orm';
import { type Resolvers } from '../../__generated__/resolvers-types.js';
import { decodeOptionalId, toGlobalId } from '../../ids.js';
import { loadRef } from '../shared.js';

export const userResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, ctx) =>
      ctx.actor.kind === 'user'
        ? { userId: ctx.actor.userId, role: ctx.actor.role }
        : { userId: null, role: null },
  },
  Mutation: {
    createUser: async (_parent, { input }, ctx) => {
      let personId: number | null;
      try {
        personId = decodeOptionalId(input.personId, 'Person', 'personId') ?? null;
      } catch (error) {
        if (error instanceof InvalidInput) return { user: null, token: null, errors: error.errors };
        throw error;
      }
      // The token's name is validated with the account, before anything is written.
      const created = await ctx.services.users.create(ctx.actor, {
        email: input.email,
        name: input.name,
        role: input.role,
        personId,
        tokenName: input.tokenName,
      });
      if (!created.ok) return { user: null, token: null, errors: created.errors };
      const { token } = await ctx.services.users.createToken(ctx.actor, {
        userId: created.value.id,
        name: input.tokenName ?? 'API',
      });
      return { user: created.value, token, errors: [] };
    },
    signIn: async (_parent, { input }, ctx) => {
      const checked = validate(signInInput, input);
      if (!checked.ok) return { token: null, user: null, errors: checked.errors };
      const signedIn = await ctx.services.users.signIn(input.email, input.password);
      if (!signedIn) {
        return {
          token: null,
          user: null,
          errors: [
            { field: 'password', code: 'INVALID', message: 'Wrong email address or password' },
          ],
        };
      }
      return { token: signedIn.token, user: signedIn.user, errors: [] };
    },
    signOut: async (_parent, _args, ctx) =>
      ctx.token ? ctx.services.users.revokeOwnToken(ctx.token) : false,
  },
  Viewer: {
    user: (parent, _args, ctx) => (parent.userId ? ctx.loaders.byId(User, parent.userId) : null),
    canCurate: (parent) => parent.role === 'curator' || parent.role === 'admin',
    isAdmin: (parent) => parent.role === 'admin',
  },
  User: {
    id: (parent) => toGlobalId('User', parent.id),
    // Email is personal data: the user themselves and admins see it, nobody else.
    email: (parent, _args, ctx) =>
      ctx.actor.kind === 'user' && (ctx.actor.role === 'admin' || ctx.actor.userId === parent.id)
        ? parent.email
        : null,
    person: (parent, _args, ctx) =>
      ctx.actor.kind === 'user' && (ctx.actor.role === 'admin' || ctx.actor.userId === parent.id)
        ? loadRef(ctx, Person, parent.person)
        : null,
  },
};
