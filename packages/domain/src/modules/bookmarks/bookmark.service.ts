/**
 * Bookmarks in and out, in the Netscape format: folders become tags and tags become folders.
 * An import is all or nothing: a broken file names its line and imports nothing; links already
 * saved (in any spelling) are skipped, as are addresses that are not http(s) (place:, about:).
 */
import { type EntityManager } from '@mikro-orm/core';
import { type Actor, actorUserId, requireCurator } from '../../shared/actor.js';
import { type Result, fail, ok } from '../../shared/errors.js';
import { LIMITS, fieldError, isHttpUrl } from '../../shared/validation.js';
import { diffSnapshots, recordRevision } from '../revision/revision.service.js';
import { normaliseUrl } from '../resource/normalise-url.js';
import { Resource } from '../resource/resource.entity.js';
import { resourceKind } from '../resource/resource.service.js';
import { Tag } from '../tag/tag.entity.js';
import { ensureTags } from '../tag/tag.service.js';
import { User } from '../user/user.entity.js';
import { BookmarkFileError, parseNetscapeBookmarks, renderNetscapeBookmarks } from './netscape.js';

export interface BookmarkImportReport {
  created: number;
  /** Already saved, or listed twice in the file. */
  duplicates: number;
  /** Not http(s) addresses, by line: "line 12: place:…". */
  skipped: string[];
}

/** Resources written at a time: big files stay within memory and one transaction. */
const CHUNK = 500;

/** Netscape bookmark import and export of resources. */
export class BookmarkService {
  constructor(private readonly em: EntityManager) {}

  /** Imports a bookmark file (its text), all or nothing. */
  async import(actor: Actor, html: string): Promise<Result<BookmarkImportReport>> {
    requireCurator(actor);
    let bookmarks;
    try {
      bookmarks = parseNetscapeBookmarks(html);
    } catch (error) {
      if (error instanceof BookmarkFileError) {
        return fail([fieldError('file', 'INVALID', error.message)]);
      }
      throw error;
    }
    const report: BookmarkImportReport = { created: 0, duplicates: 0, skipped: [] };
    const wanted = new Map<string, (typeof bookmarks)[number]>();
    for (const b of bookmarks) {
      if (!isHttpUrl(b.url) || b.url.length > LIMITS.url) {
        report.skipped.push(`line ${b.line}: ${b.url.slice(0, 80)}`);
        continue;
      }
      const key = normaliseUrl(b.url)!;
      if (wanted.has(key)) report.duplicates++;
      else wanted.set(key, b);
    }
    await this.em.transactional(async (tx) => {
      const existing = new Set<string>();
      const keys = [...wanted.keys()];
      for (let i = 0; i < keys.length; i += CHUNK) {
        const found = await tx.find(
          Resource,
          { normalizedUrl: { $in: keys.slice(i, i + CHUNK) } },
          { fields: ['normalizedUrl'] },
        );
        for (const r of found) existing.add(r.normalizedUrl);
      }
      const fresh = [...wanted].filter(([key]) => !existing.has(key));
      report.duplicates += wanted.size - fresh.length;
      const tagNames = [
        ...new Set(fresh.flatMap(([, b]) => b.tags.map((t) => t.slice(0, LIMITS.tag)))),
      ];
      const tagIds = new Map(
        (await ensureTags(tx, actor, tagNames)).map((t) => [t.name.toLocaleLowerCase('fi'), t.id]),
      );
      const tagIdFor = (name: string) =>
        tagIds.get(name.slice(0, LIMITS.tag).trim().toLocaleLowerCase('fi'));
      const userId = actorUserId(actor);
      await tx.flush();
      for (let i = 0; i < fresh.length; i += CHUNK) {
        // A fresh identity map per chunk keeps each flush proportional to the chunk, not the file.
        tx.clear();
        const author = userId === null ? null : tx.getReference(User, userId);
        const created = fresh.slice(i, i + CHUNK).map(([normalizedUrl, b]) => {
          const at = b.addDate ? new Date(b.addDate * 1000) : new Date();
          const resource = tx.create(Resource, {
            url: b.url,
            normalizedUrl,
            title: b.title.slice(0, LIMITS.title),
            description: b.description?.slice(0, LIMITS.shortText) ?? null,
            language: 'fi',
            kind: 'web_page',
            version: 1,
            createdAt: at,
            updatedAt: at,
            createdBy: author,
            updatedBy: author,
          });
          const ids = [...new Set(b.tags.map(tagIdFor).filter((id) => id !== undefined))];
          resource.tags.set(ids.map((id) => tx.getReference(Tag, id)));
          return resource;
        });
        await tx.flush();
        for (const resource of created) {
          recordRevision(tx, {
            entityType: resourceKind.type,
            entityId: resource.id,
            version: 1,
            action: 'create',
            changes: diffSnapshots({}, resourceKind.snapshot(resource)),
            actor,
          });
        }
        await tx.flush();
        report.created += created.length;
      }
    });
    return ok(report);
  }

  /** Every resource (not archived) as a bookmark file, oldest first. */
  async export(): Promise<string> {
    const resources = await this.em.find(
      Resource,
      { archivedAt: null },
      { populate: ['tags'], orderBy: { id: 'asc' } },
    );
    return renderNetscapeBookmarks(
      resources.map((r) => ({
        url: r.url,
        title: r.title,
        description: r.description ?? null,
        tags: r.tags
          .getItems()
          .map((t) => t.name)
          .sort((a, b) => a.localeCompare(b, 'fi')),
        addDate: Math.floor(r.createdAt.getTime() / 1000),
      })),
    );
  }
}
