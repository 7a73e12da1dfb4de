/**
 * Properties every curated record shares: an optimistic-locking version (a stale edit is refused,
 * never silently overwritten), who created and last changed it, and soft archiving (archived
 * records disappear from reads but keep their history).
 *
 * The version is stepped by `finishEdit` (once per saved edit, with a conditional UPDATE that
 * fails when another writer stepped it first) rather than by MikroORM's automatic version
 * column, which does not step when only a many-to-many collection (tags) changed.
 */
import { p } from '@mikro-orm/core';
import { User } from '../modules/user/user.entity.js';

export function curatedProperties() {
  return {
    version: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    archivedAt: p.datetime().nullable(),
    createdBy: () => p.manyToOne(User).nullable(),
    updatedBy: () => p.manyToOne(User).nullable(),
  };
}
