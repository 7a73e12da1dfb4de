/**
 * Who is acting. Authorisation lives in the domain services, so the API, the CLI and the web app
 * all get the same rules: anyone may read published content, curators write curated content,
 * admins also manage users. Seeding and imports run as the system.
 */
import { ForbiddenError } from './errors.js';

export const ROLES = ['curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { kind: 'user'; userId: number; role: Role }
  | { kind: 'system'; reason: string }
  | { kind: 'anonymous' };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The actor for seeding, migrations of data and imports run by an operator. */
export function systemActor(reason: string): Actor {
  return { kind: 'system', reason };
}

/** Throws unless the actor may write curated content (curators, admins, the system). */
export function requireCurator(actor: Actor): void {
  if (actor.kind === 'system') return;
  if (actor.kind === 'user' && (actor.role === 'curator' || actor.role === 'admin')) return;
  throw new ForbiddenError('Signing in as a curator is required to change content');
}

/** Throws unless the actor may manage users and personal data (admins, the system). */
export function requireAdmin(actor: Actor): void {
  if (actor.kind === 'system') return;
  if (actor.kind === 'user' && actor.role === 'admin') return;
  throw new ForbiddenError('Only an administrator may do this');
}

/** The user id to record as author of a change; null for the system. */
export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}
