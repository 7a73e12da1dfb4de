/**
 * Keeps the search index in the transaction of every write, in one place instead of in every
 * service: a MikroORM subscriber (registered in `mikro-orm.config.ts`) that notes on each flush
 * which searchable records changed and re-indexes them with the same connection and
 * transaction. A child record re-indexes its parent (agenda items, decisions and actions →
 * their meeting; sessions and programme items → their training); a tag re-indexes the records
 * carrying it; an archived record leaves the index.
 *
 * When it runs:
 *
 * - `onFlush` (changes computed, nothing written yet): collect the changed entities; parents of
 *   children being deleted are looked up now, while their rows still exist.
 * - `afterFlush` (rows written, new ids known): index, in the EntityManager's transaction. The
 *   services flush inside `em.transactional` (`runWrite`), so this is before their commit: a
 *   write that later fails rolls the index back with everything else.
 * - A flush outside any transaction runs in an implicit transaction of its own; then the index
 *   is written in `beforeTransactionCommit` of that transaction instead, so it still commits
 *   with the rows.
 *
 * Writes that bypass the unit of work (`nativeUpdate`, query builders) are not seen: follow them
 * with a flush of the entity, or call `SearchService.reindex`.
 */
import {
  ChangeSetType,
  type EventSubscriber,
  type FlushEventArgs,
  type TransactionEventArgs,
  type UnitOfWork,
  helper,
} from '@mikro-orm/core';
import { loadSearchDocuments } from './search-documents.js';
import { type SearchIndex, type SearchKey, type SearchType } from './search-index.js';
import { searchIndexFor } from './search-index-for.js';
import { sqlIdentifier } from '../../shared/dialect.js';
import { type SqlExecutor, chunks, placeholders, sqlExecutor } from './sql-executor.js';

/** Entities that are search documents themselves. */
const ROOTS: Record<string, SearchType> = {
  Resource: 'resource',
  BestPractice: 'best-practice',
  DevelopmentIdea: 'development-idea',
  Meeting: 'meeting',
  Training: 'training',
  WorkVisit: 'work-visit',
  MentoringProgramme: 'mentoring-programme',
  Organisation: 'organisation',
};

/** Entities whose text belongs to a parent's document: the SQL giving the parent ids. */
const CHILDREN: Record<string, { type: SearchType; sql: (count: number) => string }> = {
  AgendaItem: {
    type: 'meeting',
    sql: (count) => `select meeting_id as id from agenda_item where id in (${placeholders(count)})`,
  },
  Decision: {
    type: 'meeting',
    sql: (count) =>
      `select a.meeting_id as id from decision d join agenda_item a on a.id = d.agenda_item_id where d.id in (${placeholders(count)})`,
  },
  ActionItem: {
    type: 'meeting',
    sql: (count) =>
      `select a.meeting_id as id from action_item x join agenda_item a on a.id = x.agenda_item_id where x.id in (${placeholders(count)})`,
  },
  TrainingSession: {
    type: 'training',
    sql: (count) =>
      `select training_id as id from training_session where id in (${placeholders(count)})`,
  },
  ProgrammeItem: {
    type: 'training',
    sql: (count) =>
      `select training_id as id from programme_item where id in (${placeholders(count)})`,
  },
};

/** The pivot tables of tagged records. */
const TAGGED: { type: SearchType; pivot: string; owner: string }[] = [
  { type: 'resource', pivot: 'resource_tag', owner: 'resource_id' },
  { type: 'best-practice', pivot: 'best_practice_tag', owner: 'best_practice_id' },
  { type: 'development-idea', pivot: 'development_idea_tag', owner: 'development_idea_id' },
];

/** What one flush changed, until it is indexed. */
class PendingChanges {
  /** Changed entities, resolved to keys once their ids are known. */
  readonly entities: { name: string; entity: { id?: unknown } }[] = [];
  /** Keys already known (parents of deleted children, deleted roots). */
  readonly keys: SearchKey[] = [];
  readonly removed: SearchKey[] = [];
  /** Organisations whose name may have changed. */
  readonly organisations = new Set<{ id?: unknown; name?: unknown }>();

  get empty(): boolean {
    return this.entities.length === 0 && this.keys.length === 0 && this.removed.length === 0;
  }
}

async function ids(exec: SqlExecutor, sql: string, params: readonly unknown[]): Promise<number[]> {
  const rows = await exec.all<{ id: number | null }>(sql, params);
  return rows.map((row) => row.id).filter((id): id is number => id !== null && id !== undefined);
}

function idOf(entity: { id?: unknown }): number | null {
  const id = entity.id;
  return typeof id === 'number' ? id : typeof id === 'string' && id ? Number(id) : null;
}

/**
 * Re-indexes records (or removes those archived or gone), with the executor's connection and
 * transaction. Used by the subscriber and by `SearchService.reindex`.
 */
export async function indexRecords(
  exec: SqlExecutor,
  keys: readonly SearchKey[],
  index: SearchIndex = searchIndexFor(exec),
): Promise<void> {
  if (keys.length === 0) return;
  const { documents, removed } = await loadSearchDocuments(exec, keys);
  if (removed.length > 0) await index.remove(removed);
  if (documents.length > 0) await index.upsert(documents);
}

async function resolve(exec: SqlExecutor, pending: PendingChanges): Promise<SearchKey[]> {
  const keys = [...pending.keys];
  const children = new Map<string, number[]>();
  const tags: number[] = [];
  for (const { name, entity } of pending.entities) {
    const id = idOf(entity);
    if (id === null) continue;
    const root = ROOTS[name];
    if (root) keys.push({ type: root, id });
    else if (name === 'Tag') tags.push(id);
    else if (CHILDREN[name]) children.set(name, [...(children.get(name) ?? []), id]);
  }
  for (const [name, childIds] of children) {
    const child = CHILDREN[name];
    if (!child) continue;
    for (const part of chunks([...new Set(childIds)])) {
      for (const id of await ids(exec, child.sql(part.length), part)) {
        keys.push({ type: child.type, id });
      }
    }
  }
  for (const part of chunks([...new Set(tags)])) {
    for (const { type, pivot, owner } of TAGGED) {
      const found = await ids(
        exec,
        `select ${sqlIdentifier(owner)} as id from ${sqlIdentifier(pivot)} where tag_id in (${placeholders(part.length)})`,
        part,
      );
      for (const id of found) keys.push({ type, id });
    }
  }
  const seen = new Set<string>();
  return keys.filter((key) => {
    const id = `${key.type}:${key.id}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The subscriber; one instance serves every EntityManager of the ORM. */
export class SearchIndexSubscriber implements EventSubscriber {
  private readonly pending = new WeakMap<UnitOfWork, PendingChanges>();

  async onFlush(args: FlushEventArgs): Promise<void> {
    // Whatever a failed earlier flush of this unit of work left is void.
    this.pending.delete(args.uow);
    const changes = new PendingChanges();
    const deletedChildren = new Map<string, number[]>();
    for (const cs of args.uow.getChangeSets()) {
      const name = cs.meta.className;
      const entity = cs.entity as { id?: unknown; name?: unknown };
      const deleting = cs.type === ChangeSetType.DELETE || cs.type === ChangeSetType.DELETE_EARLY;
      if (!(name in ROOTS) && !(name in CHILDREN) && name !== 'Tag') continue;
      if (deleting) {
        const id = idOf(entity);
        const root = ROOTS[name];
        if (id === null) continue;
        if (root) changes.removed.push({ type: root, id });
        else if (CHILDREN[name])
          deletedChildren.set(name, [...(deletedChildren.get(name) ?? []), id]);
        continue;
      }
      changes.entities.push({ name, entity });
      if (name === 'Organisation' && cs.type !== ChangeSetType.CREATE) {
        changes.organisations.add(entity);
      }
    }
    for (const collection of args.uow.getCollectionUpdates()) {
      const owner = collection.owner as { id?: unknown };
      const name = helper(owner).__meta.className;
      if (name in ROOTS) changes.entities.push({ name, entity: owner });
    }
    if (deletedChildren.size > 0) {
      // Their rows disappear with this flush: find the parents while they are still there.
      const exec = sqlExecutor(args.em);
      for (const [name, childIds] of deletedChildren) {
        const child = CHILDREN[name];
        if (!child) continue;
        for (const part of chunks(childIds)) {
          for (const id of await ids(exec, child.sql(part.length), part)) {
            changes.keys.push({ type: child.type, id });
          }
        }
      }
    }
    if (!changes.empty) this.pending.set(args.uow, changes);
  }

  /** A flush that opened its own transaction: index before that transaction commits. */
  async beforeTransactionCommit(args: TransactionEventArgs): Promise<void> {
    if (!args.uow) return;
    const transaction: object | undefined = args.transaction as object | undefined;
    await this.apply(args.uow, sqlExecutor(args.em, transaction));
  }

  async afterFlush(args: FlushEventArgs): Promise<void> {
    await this.apply(args.uow, sqlExecutor(args.em));
  }

  private async apply(uow: UnitOfWork, exec: SqlExecutor): Promise<void> {
    const changes = this.pending.get(uow);
    if (!changes) return;
    this.pending.delete(uow);
    const index = searchIndexFor(exec);
    if (changes.removed.length > 0) await index.remove(changes.removed);
    for (const organisation of changes.organisations) {
      const id = idOf(organisation);
      if (id !== null && typeof organisation.name === 'string') {
        await index.renameOrganisation(id, organisation.name);
      }
    }
    await indexRecords(exec, await resolve(exec, changes), index);
  }
}
