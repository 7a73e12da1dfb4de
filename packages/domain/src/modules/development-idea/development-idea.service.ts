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
import { slugify, validate } from '../../shared/validation.js';
import { type Page, pageWindow } from '../../shared/page.js';
import { runWrite } from '../../shared/write.js';
import { sourceRefs } from '../meeting/meeting-source.js';
import { ensureTags } from '../tag/tag.service.js';
import { DevelopmentIdea } from './development-idea.entity.js';
import {
  type IdeaStatus,
  createDevelopmentIdeaInput,
  updateDevelopmentIdeaInput,
} from './development-idea.schema.js';

export const developmentIdeaKind: CuratedKind<DevelopmentIdea> = {
  entity: DevelopmentIdea,
  type: 'DevelopmentIdea',
  snapshot: (d) => ({
    title: d.title,
    description: d.description,
    status: d.status,
    followUp: d.followUp,
    language: d.language,
    tags: d.tags.isInitialized()
      ? d.tags
          .getItems()
          .map((t) => t.slug)
          .sort()
      : undefined,
    sourceMeetingId: refId(d.sourceMeeting),
    sourceAgendaItemId: refId(d.sourceAgendaItem),
    archivedAt: d.archivedAt?.toISOString() ?? null,
  }),
};

/** Regional development ideas and where they stand. */
export class DevelopmentIdeaService {
  constructor(private readonly em: EntityManager) {}

  /** Records an idea. */
  async create(actor: Actor, input: unknown): Promise<Result<DevelopmentIdea>> {
    requireCurator(actor);
    const parsed = validate(createDevelopmentIdeaInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const idea = tx.create(
        DevelopmentIdea,
        {
          title: v.title,
          description: v.description,
          status: v.status,
          followUp: v.followUp,
          language: v.language,
          ...(await sourceRefs(tx, v)),
          version: 1,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
        { persist: false },
      );
      idea.tags.set(await ensureTags(tx, actor, v.tags));
      return insertCurated(tx, developmentIdeaKind, actor, idea);
    });
  }

  /** Edits an idea (its status, follow-up, …) from the version the editor saw. */
  async update(actor: Actor, input: unknown): Promise<Result<DevelopmentIdea>> {
    requireCurator(actor);
    const parsed = validate(updateDevelopmentIdeaInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const { entity, before } = await loadForEdit(tx, developmentIdeaKind, v.id, v.version, {
        populate: ['tags'],
      });
      // New tags are saved (flushed) before this record is touched, so the edit is one UPDATE.
      const tags = v.tags === undefined ? undefined : await ensureTags(tx, actor, v.tags);
      if (v.title !== undefined) entity.title = v.title;
      if (v.description !== undefined) entity.description = v.description;
      if (v.status !== undefined) entity.status = v.status;
      if (v.followUp !== undefined) entity.followUp = v.followUp;
      if (v.language !== undefined) entity.language = v.language;
      if (tags) entity.tags.set(tags);
      Object.assign(entity, await sourceRefs(tx, v));
      return finishEdit(tx, developmentIdeaKind, actor, entity, before);
    });
  }

  /** Archives an idea. */
  async archive(
    actor: Actor,
    input: { id: number; version: number },
  ): Promise<Result<DevelopmentIdea>> {
    return archiveAsCurator(this.em, developmentIdeaKind, actor, input);
  }

  /** One idea with its tags, or null. */
  async get(id: number): Promise<DevelopmentIdea | null> {
    return this.em.findOne(DevelopmentIdea, { id, archivedAt: null }, { populate: ['tags'] });
  }

  /** Ideas, newest first, optionally in one status. */
  async list(
    filter: { status?: IdeaStatus; tag?: string } = {},
    page: Page = {},
  ): Promise<[DevelopmentIdea[], number]> {
    const where: FilterQuery<DevelopmentIdea> = { archivedAt: null };
    if (filter.status) where.status = filter.status;
    if (filter.tag) where.tags = { slug: slugify(filter.tag) };
    return this.em.findAndCount(DevelopmentIdea, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      ...pageWindow(page),
    });
  }
}
