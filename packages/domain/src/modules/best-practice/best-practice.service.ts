import { type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { type Actor, requireCurator } from '../../shared/actor.js';
import {
  type CuratedKind,
  archiveAsCurator,
  finishEdit,
  insertCurated,
  loadForEdit,
  refId,
} from '../../shared/curated.service.js';
import { type Result } from '../../shared/errors.js';
import { type Language, fieldError, slugify, validate } from '../../shared/validation.js';
import { type Page, pageWindow } from '../../shared/page.js';
import { InvalidInput, optionalRef, runWrite } from '../../shared/write.js';
import { sourceRefs } from '../meeting/meeting-source.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Resource } from '../resource/resource.entity.js';
import { ensureTags } from '../tag/tag.service.js';
import { BestPractice } from './best-practice.entity.js';
import { createBestPracticeInput, updateBestPracticeInput } from './best-practice.schema.js';

export const bestPracticeKind: CuratedKind<BestPractice> = {
  entity: BestPractice,
  type: 'BestPractice',
  snapshot: (b) => ({
    title: b.title,
    summary: b.summary,
    body: b.body,
    language: b.language,
    originOrganisationId: refId(b.originOrganisation),
    tags: b.tags.isInitialized()
      ? b.tags
          .getItems()
          .map((t) => t.slug)
          .sort()
      : undefined,
    relatedResourceIds: b.relatedResources.isInitialized()
      ? b.relatedResources
          .getItems()
          .map((r) => r.id)
          .sort((x, y) => x - y)
      : undefined,
    sourceMeetingId: refId(b.sourceMeeting),
    sourceAgendaItemId: refId(b.sourceAgendaItem),
    archivedAt: b.archivedAt?.toISOString() ?? null,
  }),
};

/** The resources with these ids, or an UNKNOWN_REFERENCE error naming the missing one. */
async function resourcesByIds(tx: EntityManager, ids: readonly number[]): Promise<Resource[]> {
  const unique = [...new Set(ids)];
  const found = await tx.find(Resource, { id: { $in: unique } });
  const missing = unique.find((id) => !found.some((r) => r.id === id));
  if (missing !== undefined) {
    const index = ids.indexOf(missing);
    throw new InvalidInput([
      fieldError(
        `relatedResourceIds.${index}`,
        'UNKNOWN_REFERENCE',
        `No resource with id ${missing}`,
      ),
    ]);
  }
  return found;
}

/** Best practices (hyvät käytännöt): write, edit, archive, list. */
export class BestPracticeService {
  constructor(private readonly em: EntityManager) {}

  /** Writes a best practice. */
  async create(actor: Actor, input: unknown): Promise<Result<BestPractice>> {
    requireCurator(actor);
    const parsed = validate(createBestPracticeInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const practice = tx.create(
        BestPractice,
        {
          title: v.title,
          summary: v.summary,
          body: v.body,
          language: v.language,
          originOrganisation: await optionalRef(
            tx,
            Organisation,
            v.originOrganisationId,
            'originOrganisationId',
            'organisation',
          ),
          ...(await sourceRefs(tx, v)),
          version: 1,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
        { persist: false },
      );
      practice.tags.set(await ensureTags(tx, actor, v.tags));
      practice.relatedResources.set(await resourcesByIds(tx, v.relatedResourceIds));
      return insertCurated(tx, bestPracticeKind, actor, practice);
    });
  }

  /** Edits a best practice from the version the editor saw. */
  async update(actor: Actor, input: unknown): Promise<Result<BestPractice>> {
    requireCurator(actor);
    const parsed = validate(updateBestPracticeInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const { entity, before } = await loadForEdit(tx, bestPracticeKind, v.id, v.version, {
        populate: ['tags', 'relatedResources'],
      });
      // New tags are saved (flushed) before this record is touched, so the edit is one UPDATE.
      const tags = v.tags === undefined ? undefined : await ensureTags(tx, actor, v.tags);
      if (v.title !== undefined) entity.title = v.title;
      if (v.summary !== undefined) entity.summary = v.summary;
      if (v.body !== undefined) entity.body = v.body;
      if (v.language !== undefined) entity.language = v.language;
      if (tags) entity.tags.set(tags);
      if (v.relatedResourceIds !== undefined) {
        entity.relatedResources.set(await resourcesByIds(tx, v.relatedResourceIds));
      }
      if (v.originOrganisationId !== undefined) {
        entity.originOrganisation = await optionalRef(
          tx,
          Organisation,
          v.originOrganisationId,
          'originOrganisationId',
          'organisation',
        );
      }
      Object.assign(entity, await sourceRefs(tx, v));
      return finishEdit(tx, bestPracticeKind, actor, entity, before);
    });
  }

  /** Archives a best practice. */
  async archive(
    actor: Actor,
    input: { id: number; version: number },
  ): Promise<Result<BestPractice>> {
    return archiveAsCurator(this.em, bestPracticeKind, actor, input);
  }

  /** One best practice with tags and related resources, or null. */
  async get(id: number): Promise<BestPractice | null> {
    return this.em.findOne(
      BestPractice,
      { id, archivedAt: null },
      { populate: ['tags', 'relatedResources', 'originOrganisation'] },
    );
  }

  /** Best practices, newest first, optionally with a tag. */
  async list(
    filter: { tag?: string; language?: Language } = {},
    page: Page = {},
  ): Promise<[BestPractice[], number]> {
    const where: FilterQuery<BestPractice> = { archivedAt: null };
    if (filter.tag) where.tags = { slug: slugify(filter.tag) };
    if (filter.language) where.language = filter.language;
    return this.em.findAndCount(BestPractice, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      ...pageWindow(page),
    });
  }
}
