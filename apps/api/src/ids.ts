/**
 * Global ids: `base64url("Type:id")`. Opaque to clients, unique across types, and checked on the
 * way in: a meeting's id given where a person's is expected is an error on that field.
 */
import { GraphQLError } from 'graphql';
import { InvalidInput } from '@ake/domain/orm';

/**
 * The GraphQL type names that have global ids (all but AccessibilityFeedback, Revision and the
 * two membership periods are also `Node`s that `node(id:)` loads; feedback is for curators
 * only, a revision is reached through its record, and a membership period through its
 * organisation or person).
 */
export const NODE_TYPES = [
  'AccessibilityFeedback',
  'ActionItem',
  'AgendaItem',
  'BestPractice',
  'DevelopmentIdea',
  'GroupMembership',
  'Meeting',
  'MentoringProgramme',
  'Organisation',
  'OrganisationMembership',
  'Person',
  'Resource',
  'Revision',
  'Tag',
  'Training',
  'User',
  'WorkVisit',
  'WorkingGroup',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** The global id of a record. */
export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** The type and database id in a global id, or null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: NodeType; id: number } | null {
  if (typeof globalId !== 'string' || globalId.length > 100) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9]\d{0,15})$/.exec(decoded);
  if (!match) return null;
  const type = match[1] as NodeType;
  if (!NODE_TYPES.includes(type)) return null;
  return { type, id: Number(match[2]) };
}

/**
 * The database id in a global id of the expected type; otherwise the mutation fails with an
 * UNKNOWN_REFERENCE error naming the input field.
 */
export function decodeId(globalId: string, type: NodeType, field: string): number {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type) {
    throw new InvalidInput([
      {
        field,
        code: 'UNKNOWN_REFERENCE',
        message: `Not the id of a ${type}: ${String(globalId).slice(0, 100)}`,
      },
    ]);
  }
  return parsed.id;
}

/** Like `decodeId` for an optional field: undefined stays undefined (keep), null stays null (clear). */
export function decodeOptionalId(
  globalId: string | null | undefined,
  type: NodeType,
  field: string,
): number | null | undefined {
  if (globalId === undefined || globalId === null) return globalId;
  return decodeId(globalId, type, field);
}

/** Decodes an id argument of a query (not a mutation input): bad ids are a client error. */
export function decodeArgumentId(globalId: string, type: NodeType, argument: string): number {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type) {
    throw new GraphQLError(`${argument} is not the id of a ${type}`, {
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
  }
  return parsed.id;
}
