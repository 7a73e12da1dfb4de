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
import { brokenLinkCondition } from '../link-check/link-check.service.js';
import { ensureTags } from '../tag/tag.service.js';
import { normaliseUrl } from './normalise-url.js';
import { Resource } from './resource.entity.js';
import { type ResourceKind, createResourceInput, updateResourceInput } from './resource.schema.js';

export const resourceKind: CuratedKind<Resource> = {
  entity: Resource,
  type: 'Resource',
  snapshot: (r) => ({
    url: r.url,
    title: r.title,
    description: r.description,
    language: r.language,
    kind: r.kind,
    tags: r.tags.isInitialized()
      ? r.tags
          .getItems()
          .map((t) => t.slug)
          .sort()
      : undefined,
    organisationId: refId(r.organisation),
    sourceMeetingId: refId(r.sourceMeeting),
    sourceAgendaItemId: refId(r.sourceAgendaItem),
    archivedAt: r.archivedAt?.toISOString() ?? null,
  }),
};

/** Aborts a write when another resource already has this URL (after normalisation). */
async function assertUniqueUrl(tx: EntityManager, normalizedUrl: string, exceptId?: number) {
  const existing = await tx.findOne(Resource, { normalizedUrl });
  if (existing && existing.id !== exceptId) {
    throw new InvalidInput([
      fieldError(
        'url',
        'DUPLICATE',
        `This link is already saved as "${existing.title}" (resource ${existing.id})`,
      ),
    ]);
  }
}

export interface ResourceFilter {
  /** A tag's slug or name. */
  tag?: string;
  language?: Language;
  kind?: ResourceKind;
  sourceMeetingId?: number;
  /** Only resources whose latest link check is `broken` (true) or is not (false). */
  broken?: boolean;
  includeArchived?: boolean;
}

export interface ResourceOrder {
  field: 'createdAt' | 'title';
  direction: 'asc' | 'desc';
}

/** Curated resource links: add, edit, archive, list. */
export class ResourceService {
  constructor(private readonly em: EntityManager) {}

  /** Adds a link; a URL already saved (in any spelling) is a DUPLICATE on `url`. */
  async create(actor: Actor, input: unknown): Promise<Result<Resource>> {
    requireCurator(actor);
    const parsed = validate(createResourceInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const normalizedUrl = normaliseUrl(v.url)!;
      await assertUniqueUrl(tx, normalizedUrl);
      const resource = tx.create(
        Resource,
        {
          url: v.url,
          normalizedUrl,
          title: v.title,
          description: v.description,
          language: v.language,
          kind: v.kind,
          organisation: await optionalRef(
            tx,
            Organisation,
            v.organisationId,
            'organisationId',
            'organisation',
          ),
          ...(await sourceRefs(tx, v)),
          version: 1,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
        { persist: false },
      );
      resource.tags.set(await ensureTags(tx, actor, v.tags));
      return insertCurated(tx, resourceKind, actor, resource);
    });
  }

  /** Edits a link from the version the editor saw; absent fields keep their value. */
  async update(actor: Actor, input: unknown): Promise<Result<Resource>> {
    requireCurator(actor);
    const parsed = validate(updateResourceInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const { entity, before } = await loadForEdit(tx, resourceKind, v.id, v.version, {
        populate: ['tags'],
      });
      // New tags are saved (flushed) before this record is touched, so the edit is one UPDATE.
      const tags = v.tags === undefined ? undefined : await ensureTags(tx, actor, v.tags);
      if (v.url !== undefined) {
        const normalizedUrl = normaliseUrl(v.url)!;
        await assertUniqueUrl(tx, normalizedUrl, entity.id);
        entity.url = v.url;
        entity.normalizedUrl = normalizedUrl;
      }
      if (v.title !== undefined) entity.title = v.title;
      if (v.description !== undefined) entity.description = v.description;
      if (v.language !== undefined) entity.language = v.language;
      if (v.kind !== undefined) entity.kind = v.kind;
      if (tags) entity.tags.set(tags);
      if (v.organisationId !== undefined) {
        entity.organisation = await optionalRef(
          tx,
          Organisation,
          v.organisationId,
          'organisationId',
          'organisation',
        );
      }
      Object.assign(entity, await sourceRefs(tx, v));
      return finishEdit(tx, resourceKind, actor, entity, before);
    });
  }

  /** Archives a link. */
  async archive(actor: Actor, input: { id: number; version: number }): Promise<Result<Resource>> {
    return archiveAsCurator(this.em, resourceKind, actor, input);
  }

  /** One resource with its tags, or null when it does not exist or is archived. */
  async get(id: number): Promise<Resource | null> {
    return this.em.findOne(Resource, { id, archivedAt: null }, { populate: ['tags'] });
  }

  /** The resource saved for a URL in any spelling, or null. */
  async findByUrl(url: string): Promise<Resource | null> {
    const normalizedUrl = normaliseUrl(url);
    return normalizedUrl ? this.em.findOne(Resource, { normalizedUrl }) : null;
  }

  /** Resources, newest first, filtered by tag, language, source meeting or link health. */
  async list(
    filter: ResourceFilter = {},
    page: Page = {},
    order: ResourceOrder = { field: 'createdAt', direction: 'desc' },
  ): Promise<[Resource[], number]> {
    const where: FilterQuery<Resource> = {};
    if (!filter.includeArchived) where.archivedAt = null;
    if (filter.language) where.language = filter.language;
    if (filter.kind) where.kind = filter.kind;
    if (filter.sourceMeetingId) where.sourceMeeting = filter.sourceMeetingId;
    if (filter.tag) where.tags = { slug: slugify(filter.tag) };
    const filters =
      filter.broken === undefined ? where : { $and: [where, brokenLinkCondition(filter.broken)] };
    return this.em.findAndCount(Resource, filters, {
      orderBy: { [order.field]: order.direction, id: order.direction },
      ...pageWindow(page),
    });
  }
}
