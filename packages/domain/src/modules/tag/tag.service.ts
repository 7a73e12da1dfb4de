import { type EntityManager } from '@mikro-orm/core';
import { sqlIdentifier } from '../../shared/dialect.js';
import { type Actor, requireCurator } from '../../shared/actor.js';
import {
  type CuratedKind,
  archiveAsCurator,
  finishEdit,
  insertCurated,
  loadForEdit,
} from '../../shared/curated.service.js';
import { type Result } from '../../shared/errors.js';
import { fieldError, slugify, validate } from '../../shared/validation.js';
import { InvalidInput, runWrite } from '../../shared/write.js';
import { MAX_PAGE_SIZE, type Page, pageWindow } from '../../shared/page.js';
import { Tag } from './tag.entity.js';
import { taggedRecords } from './tag-records.js';
import { createTagInput, mergeTagsInput, updateTagInput } from './tag.schema.js';

export const tagKind: CuratedKind<Tag> = {
  entity: Tag,
  type: 'Tag',
  snapshot: (tag) => ({
    name: tag.name,
    slug: tag.slug,
    description: tag.description,
    mergedIntoId: tag.mergedIntoId ?? null,
    archivedAt: tag.archivedAt?.toISOString() ?? null,
  }),
};

function newTag(tx: EntityManager, name: string, slug: string, description: string | null): Tag {
  return tx.create(
    Tag,
    { name, slug, description, version: 1, createdAt: new Date(), updatedAt: new Date() },
    { persist: false },
  );
}

/**
 * The tags with these names, creating the missing ones; "Asiakaspalvelu" and "asiakaspalvelu"
 * are one tag. A name that leaves no slug (only punctuation) is a field error.
 */
export async function ensureTags(
  tx: EntityManager,
  actor: Actor,
  names: readonly string[],
  field = 'tags',
): Promise<Tag[]> {
  const bySlug = new Map<string, string>();
  names.forEach((name, index) => {
    const slug = slugify(name);
    if (!slug) {
      throw new InvalidInput([
        fieldError(`${field}.${index}`, 'INVALID', 'A tag needs letters or digits'),
      ]);
    }
    if (!bySlug.has(slug)) bySlug.set(slug, name.trim());
  });
  if (bySlug.size === 0) return [];
  const existing = await tx.find(Tag, { slug: { $in: [...bySlug.keys()] } });
  const found = new Map(existing.map((tag) => [tag.slug, tag]));
  const tags: Tag[] = [];
  for (const [slug, name] of bySlug) {
    let tag = found.get(slug);
    if (!tag) tag = await insertCurated(tx, tagKind, actor, newTag(tx, name, slug, null));
    tags.push(tag);
  }
  return tags;
}

/** Tags (asiasanat): create, rename, archive, list. */
export class TagService {
  constructor(private readonly em: EntityManager) {}

  /** Creates a tag; a tag with the same slug already existing is a DUPLICATE on `name`. */
  async create(actor: Actor, input: unknown): Promise<Result<Tag>> {
    requireCurator(actor);
    const parsed = validate(createTagInput, input);
    if (!parsed.ok) return parsed;
    const { name, description } = parsed.value;
    return runWrite(this.em, async (tx) => {
      const slug = slugify(name);
      if (!slug)
        throw new InvalidInput([fieldError('name', 'INVALID', 'A tag needs letters or digits')]);
      if (await tx.count(Tag, { slug })) {
        throw new InvalidInput([
          fieldError('name', 'DUPLICATE', `The tag "${name}" already exists`),
        ]);
      }
      return insertCurated(tx, tagKind, actor, newTag(tx, name, slug, description));
    });
  }

  /**
   * Renames or describes a tag, from the version the editor saw. A new name that gives a new
   * slug files a revision on every record carrying the tag (they record their tags by slug),
   * in the same transaction; the search index follows the tag's new name.
   */
  async update(actor: Actor, input: unknown): Promise<Result<Tag>> {
    requireCurator(actor);
    const parsed = validate(updateTagInput, input);
    if (!parsed.ok) return parsed;
    const { id, version, name, description } = parsed.value;
    return runWrite(this.em, async (tx) => {
      const { entity, before } = await loadForEdit(tx, tagKind, id, version);
      if (name !== undefined) {
        const slug = slugify(name);
        if (!slug)
          throw new InvalidInput([fieldError('name', 'INVALID', 'A tag needs letters or digits')]);
        if (slug !== entity.slug && (await tx.count(Tag, { slug }))) {
          throw new InvalidInput([
            fieldError('name', 'DUPLICATE', `The tag "${name}" already exists`),
          ]);
        }
        if (slug !== entity.slug) {
          const records = await taggedRecords(tx, entity);
          const befores = records.map((r) => r.kind.snapshot(r.entity));
          entity.name = name;
          entity.slug = slug;
          if (description !== undefined) entity.description = description;
          const saved = await finishEdit(tx, tagKind, actor, entity, before);
          for (const [index, record] of records.entries()) {
            await finishEdit(tx, record.kind, actor, record.entity, befores[index] ?? {});
          }
          return saved;
        }
        entity.name = name;
      }
      if (description !== undefined) entity.description = description;
      return finishEdit(tx, tagKind, actor, entity, before);
    });
  }

  /**
   * Merges one tag into another: every record carrying the source tag carries the target tag
   * instead (a revision on each), and the source tag is archived with a note of where it went,
   * all in one transaction. `sourceVersion` is the version of the source tag the curator saw.
   */
  async merge(
    actor: Actor,
    input: unknown,
  ): Promise<Result<{ source: Tag; target: Tag; moved: number }>> {
    requireCurator(actor);
    const parsed = validate(mergeTagsInput, input);
    if (!parsed.ok) return parsed;
    const { sourceId, targetId, sourceVersion } = parsed.value;
    if (sourceId === targetId) {
      return {
        ok: false,
        errors: [fieldError('targetId', 'INVALID', 'A tag cannot be merged into itself')],
      };
    }
    return runWrite(this.em, async (tx) => {
      const { entity: source, before } = await loadForEdit(tx, tagKind, sourceId, sourceVersion);
      const target = await tx.findOne(Tag, { id: targetId, archivedAt: null });
      if (!target) {
        throw new InvalidInput([
          fieldError('targetId', 'UNKNOWN_REFERENCE', `No tag with id ${targetId}`),
        ]);
      }
      const records = await taggedRecords(tx, source);
      for (const record of records) {
        const recordBefore = record.kind.snapshot(record.entity);
        const tags = record.entity.tags;
        tags.remove(source);
        if (!tags.contains(target)) tags.add(target);
        await finishEdit(tx, record.kind, actor, record.entity, recordBefore);
      }
      source.archivedAt = new Date();
      source.mergedIntoId = target.id;
      await finishEdit(tx, tagKind, actor, source, before, 'archive');
      return { source, target, moved: records.length };
    });
  }

  /** Archives a tag; records keep it, lists stop offering it. */
  async archive(actor: Actor, input: { id: number; version: number }): Promise<Result<Tag>> {
    return archiveAsCurator(this.em, tagKind, actor, input);
  }

  /** Tags that are not archived, by name. */
  async list(page: Page = { limit: MAX_PAGE_SIZE }): Promise<Tag[]> {
    return (await this.page(page))[0];
  }

  /** A page of tags by name, with the total count. */
  async page(page: Page = {}): Promise<[Tag[], number]> {
    return this.em.findAndCount(
      Tag,
      { archivedAt: null },
      { orderBy: { name: 'asc', id: 'asc' }, ...pageWindow(page) },
    );
  }

  /**
   * How many records (not archived) of each kind carry each of these tags, by tag id. Three
   * grouped counts, whatever the number of tags.
   */
  async usage(
    tagIds: readonly number[],
  ): Promise<Map<number, { resources: number; bestPractices: number; developmentIdeas: number }>> {
    const usage = new Map(
      tagIds.map((id) => [id, { resources: 0, bestPractices: 0, developmentIdeas: 0 }]),
    );
    if (tagIds.length === 0) return usage;
    const kinds = [
      { key: 'resources', pivot: 'resource_tag', owner: 'resource_id', table: 'resource' },
      {
        key: 'bestPractices',
        pivot: 'best_practice_tag',
        owner: 'best_practice_id',
        table: 'best_practice',
      },
      {
        key: 'developmentIdeas',
        pivot: 'development_idea_tag',
        owner: 'development_idea_id',
        table: 'development_idea',
      },
    ] as const;
    const ids = [...new Set(tagIds)].slice(0, MAX_PAGE_SIZE * 10);
    const list = ids.map(() => '?').join(', ');
    for (const kind of kinds) {
      const rows = (await this.em
        .getConnection()
        .execute(
          `select p.tag_id as tag_id, count(*) as n from ${sqlIdentifier(kind.pivot)} p join ${sqlIdentifier(kind.table)} r on r.id = p.${sqlIdentifier(kind.owner)} where r.archived_at is null and p.tag_id in (${list}) group by p.tag_id`,
          ids,
        )) as { tag_id: number; n: number | string }[];
      for (const row of rows) {
        const entry = usage.get(Number(row.tag_id));
        if (entry) entry[kind.key] = Number(row.n);
      }
    }
    return usage;
  }

  /** The tag with this slug, archived or not (a merged tag leads to where it went), or null. */
  async bySlug(slug: string): Promise<Tag | null> {
    return this.em.findOne(Tag, { slug: slugify(slug) });
  }

  /** The tag with this slug or name, or null. */
  async findBySlugOrName(value: string): Promise<Tag | null> {
    return this.em.findOne(Tag, { slug: slugify(value), archivedAt: null });
  }
}
