/**
 * History and undo for every curated record: what a version looked like (rebuilt by replaying
 * the field-by-field diffs its revisions store, from the first one on), bringing an earlier
 * version back as a new revision ("Palauta tämä versio"), the archive of every kind, and the
 * names behind the ids a revision mentions (so a history reads "Organisaatio: Oulun
 * kaupunginkirjasto", not "organisationId: 6").
 */
import { type EntityManager, type EntityName } from '@mikro-orm/core';
import { type Actor, requireCurator } from '../../shared/actor.js';
import {
  type CuratedFields,
  type CuratedKind,
  restoreCurated,
} from '../../shared/curated.service.js';
import { NotFoundError, type Result } from '../../shared/errors.js';
import { type Page, pageWindow } from '../../shared/page.js';
import { fieldError } from '../../shared/validation.js';
import { InvalidInput, conflictError, runWrite } from '../../shared/write.js';
import { type BestPractice } from '../best-practice/best-practice.entity.js';
import { BestPracticeService, bestPracticeKind } from '../best-practice/best-practice.service.js';
import { type DevelopmentIdea } from '../development-idea/development-idea.entity.js';
import {
  DevelopmentIdeaService,
  developmentIdeaKind,
} from '../development-idea/development-idea.service.js';
import { AgendaItem, Meeting } from '../meeting/meeting.entity.js';
import { MeetingService, meetingKind } from '../meeting/meeting.service.js';
import { MentoringProgramme, type WorkVisit } from '../mentoring/mentoring.entity.js';
import { MentoringService, programmeKind, workVisitKind } from '../mentoring/mentoring.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { Resource } from '../resource/resource.entity.js';
import { ResourceService, resourceKind } from '../resource/resource.service.js';
import { Tag } from '../tag/tag.entity.js';
import { TagService, tagKind } from '../tag/tag.service.js';
import { type Training } from '../training/training.entity.js';
import { TrainingService, trainingKind } from '../training/training.service.js';
import { type FieldChange, Revision } from './revision.entity.js';
import { type Snapshot } from './revision.service.js';

type AnyCurated = CuratedFields & object;

/** What history needs to know about one kind of curated record. */
interface HistoryKind {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own entity type
  kind: CuratedKind<any>;
  /** Saves an edit of this kind through its service (so every rule of an edit applies). */
  update(em: EntityManager, actor: Actor, input: Record<string, unknown>): Promise<Result<unknown>>;
  /** Snapshot fields that follow from others and are not part of an edit's input. */
  derived: readonly string[];
  /** Relations the archive list needs to name a record. */
  populate: readonly string[];
  /** How the archive list names a record. */
  title(entity: never): string;
}

/** The curated kinds, by the name their revisions are filed under. */
const KINDS: Record<string, HistoryKind> = {
  Resource: {
    kind: resourceKind,
    update: (em, actor, input) => new ResourceService(em).update(actor, input),
    derived: [],
    populate: [],
    title: (r: Resource) => r.title,
  },
  BestPractice: {
    kind: bestPracticeKind,
    update: (em, actor, input) => new BestPracticeService(em).update(actor, input),
    derived: [],
    populate: [],
    title: (b: BestPractice) => b.title,
  },
  DevelopmentIdea: {
    kind: developmentIdeaKind,
    update: (em, actor, input) => new DevelopmentIdeaService(em).update(actor, input),
    derived: [],
    populate: [],
    title: (d: DevelopmentIdea) => d.title,
  },
  Tag: {
    kind: tagKind,
    update: (em, actor, input) => new TagService(em).update(actor, input),
    derived: ['slug', 'mergedIntoId'],
    populate: [],
    title: (t: Tag) => t.name,
  },
  Meeting: {
    kind: meetingKind,
    update: (em, actor, input) => new MeetingService(em).update(actor, input),
    derived: [],
    populate: [],
    title: (m: Meeting) => m.title,
  },
  Training: {
    kind: trainingKind,
    update: (em, actor, input) => new TrainingService(em).update(actor, input),
    derived: [],
    populate: [],
    title: (t: Training) => t.title,
  },
  MentoringProgramme: {
    kind: programmeKind,
    update: (em, actor, input) => new MentoringService(em).updateProgramme(actor, input),
    derived: [],
    populate: [],
    title: (m: MentoringProgramme) => m.name,
  },
  WorkVisit: {
    kind: workVisitKind,
    update: (em, actor, input) => new MentoringService(em).updateVisit(actor, input),
    derived: ['programmeId'],
    populate: ['host'],
    title: (w: WorkVisit) => `${w.host.name} ${w.startDate}`,
  },
};

/** The kinds of curated records, by the type name their revisions are filed under. */
export const CURATED_TYPES = Object.keys(KINDS) as readonly string[];

function historyKind(type: string, field: string): HistoryKind {
  const kind = KINDS[type];
  if (!kind) throw new InvalidInput([fieldError(field, 'INVALID', `Not a curated kind: ${type}`)]);
  return kind;
}

/**
 * A record's fields at `version`, rebuilt from its revisions: every field any revision
 * touched starts as null (a revision of a new record lists only the fields that had a value)
 * and takes the value each revision up to `version` gave it. Null when the history does not
 * start with the record's creation (nothing to replay from).
 */
export function replaySnapshot(revisions: readonly Revision[], version: number): Snapshot | null {
  const ordered = [...revisions].sort((a, b) => a.version - b.version || a.id - b.id);
  if (ordered[0]?.action !== 'create') return null;
  const snapshot: Snapshot = {};
  for (const revision of ordered) {
    for (const field of Object.keys(revision.changes)) snapshot[field] ??= null;
  }
  for (const revision of ordered) {
    if (revision.version > version) break;
    for (const [field, change] of Object.entries(revision.changes)) snapshot[field] = change.to;
  }
  return snapshot;
}

/** The history of one record, oldest first. */
function revisionsOf(em: EntityManager, entityType: string, entityId: number) {
  return em.find(Revision, { entityType, entityId }, { orderBy: { version: 'asc', id: 'asc' } });
}

/**
 * The current names of tags given by slug in an old snapshot: a renamed tag is found through
 * its own history (a revision that changed its slug from this one), a merged tag leads to the
 * tag it was merged into. A slug no tag ever had stays as it was (and is created again).
 */
async function currentTagNames(tx: EntityManager, slugs: readonly string[]): Promise<string[]> {
  const tags = new Map((await tx.find(Tag, { slug: { $in: [...slugs] } })).map((t) => [t.slug, t]));
  const missing = slugs.filter((slug) => !tags.has(slug));
  if (missing.length) {
    const renames = await tx.find(Revision, { entityType: 'Tag' }, { orderBy: { id: 'desc' } });
    for (const slug of missing) {
      const renamed = renames.find((r) => r.changes.slug?.from === slug);
      const tag = renamed ? await tx.findOne(Tag, { id: renamed.entityId }) : null;
      if (tag) tags.set(slug, tag);
    }
  }
  const names: string[] = [];
  for (const slug of slugs) {
    let tag = tags.get(slug) ?? null;
    for (let hops = 0; tag?.mergedIntoId && hops < 10; hops++) {
      tag = await tx.findOne(Tag, { id: tag.mergedIntoId });
    }
    const name = tag?.name ?? slug;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The input of an edit that gives a record the fields of `snapshot`. */
async function inputOf(
  tx: EntityManager,
  kind: HistoryKind,
  snapshot: Snapshot,
): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(snapshot)) {
    if (field === 'archivedAt' || kind.derived.includes(field)) continue;
    input[field] = value;
  }
  if (Array.isArray(snapshot.tags))
    input.tags = await currentTagNames(tx, snapshot.tags as string[]);
  else if (snapshot.tags === null && 'tags' in snapshot) input.tags = [];
  return input;
}

const PERSON = Person as EntityName<AnyNamed>;
const ORGANISATION = Organisation as EntityName<AnyNamed>;

/** Which kind of record an id field of a snapshot points at, by the field's name. */
const REFERENCES: Record<string, EntityName<AnyNamed>> = {
  organisationId: Organisation,
  originOrganisationId: Organisation,
  venueOrganisationId: Organisation,
  visitorOrganisationId: Organisation,
  hostId: Organisation,
  organiserId: Organisation,
  partnerId: Organisation,
  visitorId: Person,
  trainerId: Person,
  coordinatorId: Person,
  contactId: Person,
  ownerId: Person,
  personId: Person,
  sourceMeetingId: Meeting,
  nextMeetingId: Meeting,
  programmeId: MentoringProgramme,
  relatedResourceIds: Resource,
  mergedIntoId: Tag,
} as Record<string, EntityName<AnyNamed>>;

interface AnyNamed {
  id: number;
  name?: string;
  title?: string;
  /** An agenda item's number. */
  number?: number;
}

/** A change with the names of the records its values point at (null for plain values). */
export interface NamedFieldChange extends FieldChange {
  field: string;
  fromNames: string[] | null;
  toNames: string[] | null;
}

/** Looks names up once per record, for one history. */
class NameCache {
  private readonly cache = new Map<string, string>();
  constructor(private readonly em: EntityManager) {}

  async name(entity: EntityName<AnyNamed>, id: number, type: string): Promise<string> {
    const key = `${type}:${id}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const found = await this.em.findOne(entity, { id });
    let name = found?.name ?? found?.title ?? `#${id}`;
    if (found && type === 'AgendaItem' && found.number !== undefined) {
      name = `${found.number}. ${name}`;
    }
    this.cache.set(key, name);
    return name;
  }

  async tag(slug: string): Promise<string> {
    const key = `Tag/${slug}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const tag = await this.em.findOne(Tag, { slug });
    // A tag renamed since keeps the name it had then, as its slug shows.
    const name = tag?.name ?? slug;
    this.cache.set(key, name);
    return name;
  }
}

async function namesOf(cache: NameCache, field: string, value: unknown): Promise<string[] | null> {
  if (value === null || value === undefined) return null;
  if (field === 'tags' && Array.isArray(value)) {
    return Promise.all(value.map((slug) => cache.tag(String(slug))));
  }
  if (field === 'sourceAgendaItemId' && typeof value === 'number') {
    return [await cache.name(AgendaItem as EntityName<AnyNamed>, value, 'AgendaItem')];
  }
  if (field === 'participants' && Array.isArray(value)) {
    return Promise.all(
      value.map(async (p: { personId?: number; organisationId?: number | null }) => {
        const person = p.personId ? await cache.name(PERSON, p.personId, 'Person') : '?';
        const org = p.organisationId
          ? await cache.name(ORGANISATION, p.organisationId, 'Organisation')
          : null;
        return org ? `${person} (${org})` : person;
      }),
    );
  }
  if (field === 'agenda' && Array.isArray(value)) {
    return value.map(
      (a: { number?: number; title?: string }) => `${a.number ?? ''}. ${a.title ?? ''}`,
    );
  }
  const entity = REFERENCES[field];
  if (!entity) return null;
  const type = (entity as { name?: string }).name ?? field;
  const ids = Array.isArray(value) ? value : [value];
  return Promise.all(ids.map((id) => cache.name(entity, Number(id), type)));
}

/** A record in the archive: its kind, the record and its name. */
export interface ArchivedRecord {
  type: string;
  entity: AnyCurated & { archivedAt?: Date | null };
  title: string;
}

/** History, undo and the archive, for curators. */
export class HistoryService {
  constructor(private readonly em: EntityManager) {}

  /** One revision by id, or null. */
  async revision(id: number): Promise<Revision | null> {
    return this.em.findOne(Revision, { id });
  }

  /**
   * The changes of a revision with the names of the records its values point at, field by
   * field in the order they were recorded.
   */
  async describe(revisions: readonly Revision[]): Promise<Map<number, NamedFieldChange[]>> {
    const cache = new NameCache(this.em);
    const described = new Map<number, NamedFieldChange[]>();
    for (const revision of revisions) {
      const changes: NamedFieldChange[] = [];
      for (const [field, change] of Object.entries(revision.changes)) {
        changes.push({
          field,
          from: change.from,
          to: change.to,
          fromNames: await namesOf(cache, field, change.from),
          toNames: await namesOf(cache, field, change.to),
        });
      }
      described.set(revision.id, changes);
    }
    return described;
  }

  /**
   * What restoring this revision's version would change in the record as it is now: the
   * fields whose current value differs from the value at that version. Empty for the current
   * version; null when the record's history cannot be replayed.
   */
  async restorePreview(revisionId: number): Promise<NamedFieldChange[] | null> {
    const revision = await this.revision(revisionId);
    if (!revision) return null;
    const history = await revisionsOf(this.em, revision.entityType, revision.entityId);
    const latest = history.at(-1)?.version ?? revision.version;
    const target = replaySnapshot(history, revision.version);
    const current = replaySnapshot(history, latest);
    if (!target || !current) return null;
    const changes: Record<string, FieldChange> = {};
    const kind = KINDS[revision.entityType];
    for (const field of Object.keys(current)) {
      if (field === 'archivedAt' || kind?.derived.includes(field)) continue;
      const from = current[field] ?? null;
      const to = target[field] ?? null;
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
    }
    const fake = { id: 0, changes } as unknown as Revision;
    return (await this.describe([fake])).get(0) ?? [];
  }

  /**
   * Brings back the fields a record had at an earlier version, as a new revision that says
   * which version it restored. The edit goes through the kind's own service, so everything an
   * edit checks applies (a URL another link has taken since is a DUPLICATE). `expectedVersion`
   * is the version the curator saw: a record changed since is a CONFLICT, never overwritten.
   */
  async restoreRevision(
    actor: Actor,
    input: { revisionId: number; expectedVersion: number },
  ): Promise<Result<{ type: string; entity: AnyCurated; revision: Revision }>> {
    requireCurator(actor);
    return runWrite(this.em, async (tx) => {
      const revision = await tx.findOne(Revision, { id: input.revisionId });
      if (!revision) throw new NotFoundError('Revision', input.revisionId);
      const kind = historyKind(revision.entityType, 'id');
      const entity = (await tx.findOne(kind.kind.entity, {
        id: revision.entityId,
      })) as AnyCurated | null;
      if (!entity || entity.archivedAt) throw new NotFoundError(kind.kind.type, revision.entityId);
      if (entity.version !== input.expectedVersion) {
        throw new InvalidInput([{ ...conflictError(entity.version), field: 'expectedVersion' }]);
      }
      if (revision.version === entity.version) {
        throw new InvalidInput([
          fieldError('id', 'INVALID', 'This is the current version; there is nothing to restore'),
        ]);
      }
      const history = await revisionsOf(tx, revision.entityType, revision.entityId);
      const snapshot = replaySnapshot(history, revision.version);
      if (!snapshot) {
        throw new InvalidInput([
          fieldError('id', 'INVALID', 'The history of this record does not go back to its start'),
        ]);
      }
      const edit = await inputOf(tx, kind, snapshot);
      const result = await kind.update(tx, actor, {
        ...edit,
        id: revision.entityId,
        version: input.expectedVersion,
      });
      if (!result.ok) throw new InvalidInput(result.errors);
      const saved = result.value as AnyCurated;
      if (saved.version === input.expectedVersion) {
        throw new InvalidInput([
          fieldError('id', 'INVALID', 'The record already has the values of this version'),
        ]);
      }
      const filed = await tx.findOneOrFail(Revision, {
        entityType: revision.entityType,
        entityId: revision.entityId,
        version: saved.version,
      });
      filed.restoredFromVersion = revision.version;
      await tx.flush();
      return { type: revision.entityType, entity: saved, revision: filed };
    });
  }

  /**
   * Archived records, most recently archived first, of one kind or of every kind (curators
   * only: archived records are out of every public read).
   */
  async archived(
    actor: Actor,
    filter: { type?: string } = {},
    page: Page = {},
  ): Promise<[ArchivedRecord[], number]> {
    requireCurator(actor);
    const { limit, offset } = pageWindow(page);
    const types = filter.type ? [filter.type] : CURATED_TYPES;
    const found: ArchivedRecord[] = [];
    let total = 0;
    for (const type of types) {
      const kind = historyKind(type, 'kind');
      const [items, count] = await this.em.findAndCount(
        kind.kind.entity,
        { archivedAt: { $ne: null } },
        {
          orderBy: { archivedAt: 'desc', id: 'desc' } as never,
          limit: offset + limit,
          populate: kind.populate as never,
        },
      );
      total += count;
      for (const entity of items as AnyCurated[]) {
        found.push({ type, entity, title: kind.title(entity as never) });
      }
    }
    found.sort(
      (a, b) =>
        (b.entity.archivedAt?.getTime() ?? 0) - (a.entity.archivedAt?.getTime() ?? 0) ||
        a.type.localeCompare(b.type) ||
        b.entity.id - a.entity.id,
    );
    return [found.slice(offset, offset + limit), total];
  }

  /**
   * Brings an archived record back (an edit: a new version and a "restore" revision). A tag
   * merged into another stays merged: its records carry the other tag now.
   */
  async restoreArchived(
    actor: Actor,
    input: { type: string; id: number; version: number },
  ): Promise<Result<{ type: string; entity: AnyCurated }>> {
    requireCurator(actor);
    const kind = KINDS[input.type];
    if (!kind) {
      return {
        ok: false,
        errors: [fieldError('id', 'INVALID', `Not a curated kind: ${input.type}`)],
      };
    }
    return runWrite(this.em, async (tx) => {
      const current = (await tx.findOne(kind.kind.entity, { id: input.id })) as
        (AnyCurated & { mergedIntoId?: number | null }) | null;
      if (!current) throw new NotFoundError(kind.kind.type, input.id);
      if (!current.archivedAt) {
        throw new InvalidInput([fieldError('id', 'INVALID', 'This record is not archived')]);
      }
      if (current.mergedIntoId) {
        throw new InvalidInput([
          fieldError('id', 'INVALID', 'This tag was merged into another one and stays merged'),
        ]);
      }
      const entity = await restoreCurated(
        tx,
        kind.kind as CuratedKind<AnyCurated>,
        actor,
        input.id,
        input.version,
      );
      return { type: input.type, entity };
    });
  }
}
