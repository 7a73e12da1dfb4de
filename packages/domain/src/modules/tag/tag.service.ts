import { type EntityManager } from '@mikro-orm/core';
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
import { createTagInput, updateTagInput } from './tag.schema.js';

export const tagKind: CuratedKind<Tag> = {
  entity: Tag,
  type: 'Tag',
  snapshot: (tag) => ({
    name: tag.name,
    slug: tag.slug,
    description: tag.description,
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

  /** Renames or describes a tag, from the version the editor saw. */
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
        entity.name = name;
        entity.slug = slug;
      }
      if (description !== undefined) entity.description = description;
      return finishEdit(tx, tagKind, actor, entity, before);
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

  /** The tag with this slug or name, or null. */
  async findBySlugOrName(value: string): Promise<Tag | null> {
    return this.em.findOne(Tag, { slug: slugify(value), archivedAt: null });
  }
}
