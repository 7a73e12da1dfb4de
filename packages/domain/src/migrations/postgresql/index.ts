/**
 * The PostgreSQL migrations, in order. Listed explicitly for the same reason as the SQLite ones
 * (../sqlite/index.ts). `pnpm --filter @ake/domain migration:create postgresql` writes a new file
 * here; add it to this list (a test fails when a migration file is missing from it). A change to
 * the entities needs a migration for both platforms.
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261202000000 } from './Migration20261202000000_initial.js';
import { Migration20261202000100 } from './Migration20261202000100_search.js';
import { Migration20261202000200 } from './Migration20261202000200_change_generation.js';
import { Migration20261202000300 } from './Migration20261202000300_foreign_key_indexes.js';
import { Migration20261203000000 } from './Migration20261203000000_accessibility_feedback.js';
import { Migration20261204100000 } from './Migration20261204100000_meeting_remote_url.js';
import { Migration20261204120000 } from './Migration20261204120000_history.js';
import { Migration20261205000000 } from './Migration20261205000000_link_check_blocked.js';
import { Migration20261205010000 } from './Migration20261205010000_directory_curated.js';

export const postgresqlMigrations: MigrationObject[] = [
  // initial: every entity's table, generated from the entities.
  { name: 'Migration20261202000000_initial', class: Migration20261202000000 },
  // search: documents with a weighted tsvector, vocabulary with trigrams (hand-written).
  { name: 'Migration20261202000100_search', class: Migration20261202000100 },
  // change_generation: the counter and its statement-level triggers (hand-written).
  { name: 'Migration20261202000200_change_generation', class: Migration20261202000200 },
  // foreign_key_indexes: an index on every foreign key column (hand-written).
  { name: 'Migration20261202000300_foreign_key_indexes', class: Migration20261202000300 },
  // accessibility_feedback: the accessibility statement's feedback (hand-written).
  { name: 'Migration20261203000000_accessibility_feedback', class: Migration20261203000000 },
  // meeting_remote_url: the link of a remote or hybrid meeting (hand-written).
  { name: 'Migration20261204100000_meeting_remote_url', class: Migration20261204100000 },
  // history: restored-from versions of revisions, merged tags (hand-written).
  { name: 'Migration20261204120000_history', class: Migration20261204120000 },
  // link_check_blocked: a link check may end `blocked`, refused by the outbound guard (hand-written).
  { name: 'Migration20261205000000_link_check_blocked', class: Migration20261205000000 },
  // directory_curated: organisations and people get a version (hand-written).
  { name: 'Migration20261205010000_directory_curated', class: Migration20261205010000 },
];
