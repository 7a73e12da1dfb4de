/** Helpers every module's resolvers share: mutations, id decoding in inputs, curated fields. */
import { type Result, type UserError } from '@ake/domain';
import { type EntitySchema, InvalidInput, type Ref, type Revision, User } from '@ake/domain/orm';
import { type Context } from '../context.js';
import { type NodeType, decodeId, toGlobalId } from '../ids.js';

/**
 * Which record type an id field of an input points at, by the field's name. One table for the
 * whole schema keeps the naming honest: `ownerId` is always a person.
 */
const ID_FIELDS: Record<string, NodeType> = {
  groupId: 'WorkingGroup',
  personId: 'Person',
  ownerId: 'Person',
  presenterId: 'Person',
  trainerId: 'Person',
  coordinatorId: 'Person',
  visitorId: 'Person',
  contactId: 'Person',
  organisationId: 'Organisation',
  memberId: 'Organisation',
  networkId: 'Organisation',
  parentId: 'Organisation',
  organiserId: 'Organisation',
  partnerId: 'Organisation',
  originOrganisationId: 'Organisation',
  visitorOrganisationId: 'Organisation',
  hostId: 'Organisation',
  nextMeetingId: 'Meeting',
  sourceMeetingId: 'Meeting',
  sourceAgendaItemId: 'AgendaItem',
  programmeId: 'MentoringProgramme',
  relatedResourceIds: 'Resource',
};

/**
 * Replaces the global ids in a mutation input with database ids, all the way down (participants,
 * agenda items, actions, sessions, venues), collecting an error for every bad one with its path.
 * `id` itself is checked against `ownType`.
 */
export function decodeInput(input: unknown, ownType: NodeType | null): Record<string, unknown> {
  const errors: UserError[] = [];
  const walk = (value: unknown, path: string[]): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, String(i)]));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(value)) {
      const field = [...path, key].join('.');
      const type = key === 'id' && path.length === 0 ? ownType : ID_FIELDS[key];
      if (type && raw !== null && raw !== undefined) {
        try {
          out[key] = Array.isArray(raw)
            ? raw.map((v: unknown, i) => decodeId(String(v), type, `${field}.${i}`))
            : decodeId(String(raw), type, field);
        } catch (error) {
          if (!(error instanceof InvalidInput)) throw error;
          errors.push(...error.errors);
        }
      } else {
        out[key] = walk(raw, [...path, key]);
      }
    }
    return out;
  };
  const decoded = walk(input, []) as Record<string, unknown>;
  if (errors.length) throw new InvalidInput(errors);
  return decoded;
}

/**
 * Runs a mutation and shapes its payload: `{ <key>: value, errors: [] }` on success,
 * `{ <key>: null, errors }` when the input was refused.
 */
export async function mutation<K extends string, T>(
  key: K,
  run: () => Promise<Result<T>>,
): Promise<Record<K, T | null> & { errors: UserError[] }> {
  try {
    const result = await run();
    if (result.ok)
      return { [key]: result.value, errors: [] } as Record<K, T> & { errors: UserError[] };
    return { [key]: null, errors: result.errors } as Record<K, null> & { errors: UserError[] };
  } catch (error) {
    if (error instanceof InvalidInput) {
      return { [key]: null, errors: error.errors } as Record<K, null> & { errors: UserError[] };
    }
    throw error;
  }
}

/** Loads a many-to-one reference through the request's loader; null stays null. */
export function loadRef<T extends object>(
  ctx: Context,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any base type of a schema
  entity: EntitySchema<T, any>,
  ref: { id: number } | null | undefined,
): Promise<T | null> | null {
  if (!ref) return null;
  return ctx.loaders.byId(entity, ref.id);
}

interface CuratedParent {
  id: number;
  createdBy?: Ref<User> | User | null;
  updatedBy?: Ref<User> | User | null;
}

/** The resolvers every curated type shares: global id, authors and history. */
export function curatedResolvers(type: NodeType) {
  return {
    id: (parent: { id: number }) => toGlobalId(type, parent.id),
    createdBy: (parent: CuratedParent, _args: unknown, ctx: Context) =>
      loadRef(ctx, User, parent.createdBy),
    updatedBy: (parent: CuratedParent, _args: unknown, ctx: Context) =>
      loadRef(ctx, User, parent.updatedBy),
    revisions: (parent: { id: number }, _args: unknown, ctx: Context): Promise<Revision[]> =>
      ctx.loaders.revisions(type, parent.id),
  };
}

/**
 * The resolvers of a directory record (organisation, person): curated like content, but with
 * no author columns, so who created and last changed it is read from its revisions.
 */
export function directoryResolvers(type: NodeType) {
  const actorOf = async (ctx: Context, id: number, pick: 'first' | 'last') => {
    const revisions = await ctx.loaders.revisions(type, id);
    const revision = pick === 'first' ? revisions[0] : revisions[revisions.length - 1];
    return revision?.actor ? ctx.loaders.byId(User, revision.actor.id) : null;
  };
  return {
    id: (parent: { id: number }) => toGlobalId(type, parent.id),
    createdBy: (parent: { id: number }, _args: unknown, ctx: Context) =>
      actorOf(ctx, parent.id, 'first'),
    updatedBy: (parent: { id: number }, _args: unknown, ctx: Context) =>
      actorOf(ctx, parent.id, 'last'),
    revisions: (parent: { id: number }, _args: unknown, ctx: Context): Promise<Revision[]> =>
      ctx.loaders.revisions(type, parent.id),
  };
}

/** Decodes `ArchiveInput`. */
export function archiveInput(input: { id: string; version: number }, type: NodeType) {
  return { id: decodeId(input.id, type, 'id'), version: input.version };
}
