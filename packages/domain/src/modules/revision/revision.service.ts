import { type EntityManager } from '@mikro-orm/core';
import { type Actor, actorUserId } from '../../shared/actor.js';
import { User } from '../user/user.entity.js';
import { type FieldChange, Revision, type RevisionAction } from './revision.entity.js';

/** A record's fields as plain JSON values: what revisions compare. */
export type Snapshot = Record<string, unknown>;

/** The fields whose values differ between two snapshots, with the values before and after. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

export interface RevisionEntry {
  entityType: string;
  entityId: number;
  version: number;
  action: RevisionAction;
  changes: Record<string, FieldChange>;
  actor: Actor;
}

/** Adds a revision to the unit of work, so it commits (or rolls back) with the change itself. */
export function recordRevision(tx: EntityManager, entry: RevisionEntry): Revision {
  const userId = actorUserId(entry.actor);
  const revision = tx.create(Revision, {
    entityType: entry.entityType,
    entityId: entry.entityId,
    version: entry.version,
    action: entry.action,
    changes: entry.changes,
    actor: userId === null ? null : tx.getReference(User, userId),
    note: entry.actor.kind === 'system' ? entry.actor.reason.slice(0, 200) : null,
    createdAt: new Date(),
  });
  tx.persist(revision);
  return revision;
}

/** Reads the history of records: who changed what, when. */
export class RevisionService {
  constructor(private readonly em: EntityManager) {}

  /** A record's revisions, oldest first. */
  async history(entityType: string, entityId: number): Promise<Revision[]> {
    return this.em.find(
      Revision,
      { entityType, entityId },
      { orderBy: { version: 'asc', id: 'asc' }, populate: ['actor'] },
    );
  }
}
