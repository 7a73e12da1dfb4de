/**
 * The life cycle shared by every curated record (resources, best practices, ideas, tags,
 * meetings, trainings, programmes, work visits): create with a first revision, edit only from
 * the version the editor saw, record what changed, archive instead of delete.
 */
import { type EntityManager, type EntityName, type Ref } from '@mikro-orm/core';
import { type Actor, actorUserId, requireCurator } from './actor.js';
import { NotFoundError, type Result } from './errors.js';
import { InvalidInput, conflictError, runWrite } from './write.js';
import { type RevisionAction } from '../modules/revision/revision.entity.js';
import {
  type Snapshot,
  diffSnapshots,
  recordRevision,
} from '../modules/revision/revision.service.js';
import { User } from '../modules/user/user.entity.js';

/** The fields `curatedProperties()` adds to an entity. */
export interface CuratedFields {
  id: number;
  version: number;
  updatedAt?: Date;
  archivedAt?: Date | null;
  createdBy?: Ref<User> | User | null;
  updatedBy?: Ref<User> | User | null;
}

/** What the shared life cycle needs to know about one kind of curated record. */
export interface CuratedKind<T extends CuratedFields> {
  entity: EntityName<T>;
  /** The name revisions are filed under, e.g. `Resource`. */
  type: string;
  /** The record as JSON, the basis of revision diffs. */
  snapshot(entity: T): Snapshot;
}

function author(tx: EntityManager, actor: Actor): User | null {
  const userId = actorUserId(actor);
  return userId === null ? null : tx.getReference(User, userId);
}

/** Saves a new record (flushing to get its id) and files its first revision. */
export async function insertCurated<T extends CuratedFields>(
  tx: EntityManager,
  kind: CuratedKind<T>,
  actor: Actor,
  entity: T,
): Promise<T> {
  const user = author(tx, actor);
  Object.assign(entity, { createdBy: user, updatedBy: user });
  tx.persist(entity);
  await tx.flush();
  recordRevision(tx, {
    entityType: kind.type,
    entityId: entity.id,
    version: entity.version,
    action: 'create',
    changes: diffSnapshots({}, kind.snapshot(entity)),
    actor,
  });
  return entity;
}

/**
 * Loads a record for editing from the version the editor saw. A different version means
 * someone else saved first: the edit is refused with a CONFLICT error, never applied on top.
 */
export async function loadForEdit<T extends CuratedFields>(
  tx: EntityManager,
  kind: CuratedKind<T>,
  id: number,
  expectedVersion: number,
  options: { allowArchived?: boolean; populate?: readonly string[] } = {},
): Promise<{ entity: T; before: Snapshot }> {
  const entity = (await tx.findOne(kind.entity, { id } as never, {
    populate: (options.populate ?? []) as never,
  })) as T | null;
  if (!entity || (entity.archivedAt && !options.allowArchived)) {
    throw new NotFoundError(kind.type, id);
  }
  if (entity.version !== expectedVersion) throw new InvalidInput([conflictError(entity.version)]);
  return { entity, before: kind.snapshot(entity) };
}

/**
 * Files the revision of an edit made to a loaded record. Nothing changed means no revision and
 * no new version, so saving an untouched form is harmless.
 */
export async function finishEdit<T extends CuratedFields>(
  tx: EntityManager,
  kind: CuratedKind<T>,
  actor: Actor,
  entity: T,
  before: Snapshot,
  action: RevisionAction = 'update',
): Promise<T> {
  const changes = diffSnapshots(before, kind.snapshot(entity));
  if (Object.keys(changes).length === 0) return entity;
  // Claim the next version with a conditional UPDATE: if another writer got there between our
  // read and now, no row matches and the edit is refused instead of overwriting theirs.
  const previous = entity.version;
  const claimed = await tx.nativeUpdate(
    kind.entity,
    { id: entity.id, version: previous } as never,
    { version: previous + 1 } as never,
  );
  if (claimed === 0) throw new InvalidInput([conflictError(null)]);
  entity.version = previous + 1;
  entity.updatedBy = author(tx, actor);
  entity.updatedAt = new Date();
  await tx.flush();
  recordRevision(tx, {
    entityType: kind.type,
    entityId: entity.id,
    version: entity.version,
    action,
    changes,
    actor,
  });
  return entity;
}

/** Archives a record: it disappears from reads, keeps its history and can be restored. */
export async function archiveCurated<T extends CuratedFields>(
  tx: EntityManager,
  kind: CuratedKind<T>,
  actor: Actor,
  id: number,
  expectedVersion: number,
): Promise<T> {
  const { entity, before } = await loadForEdit(tx, kind, id, expectedVersion);
  entity.archivedAt = new Date();
  return finishEdit(tx, kind, actor, entity, before, 'archive');
}

/**
 * A service's archive operation: curators only, one transaction, a stale version or unknown id
 * as a field error (`Result`), like every other write.
 */
export function archiveAsCurator<T extends CuratedFields>(
  em: EntityManager,
  kind: CuratedKind<T>,
  actor: Actor,
  input: { id: number; version: number },
): Promise<Result<T>> {
  requireCurator(actor);
  return runWrite(em, (tx) => archiveCurated(tx, kind, actor, input.id, input.version));
}

/** Brings an archived record back. */
export async function restoreCurated<T extends CuratedFields>(
  tx: EntityManager,
  kind: CuratedKind<T>,
  actor: Actor,
  id: number,
  expectedVersion: number,
): Promise<T> {
  const { entity, before } = await loadForEdit(tx, kind, id, expectedVersion, {
    allowArchived: true,
  });
  entity.archivedAt = null;
  return finishEdit(tx, kind, actor, entity, before, 'restore');
}

/** The id of a reference or entity, for snapshots. */
export function refId(value: { id: number } | null | undefined): number | null {
  return value ? value.id : null;
}
