/**
 * The SQLite migrations, in order. Listed explicitly so that they run the same from TypeScript
 * sources (tests), compiled JavaScript (the CLI) and bundles, without globbing the disk.
 * `pnpm --filter @ake/domain migration:create` writes a new file here; add it to this list
 * (a test fails when a migration file is missing from it).
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128232639 } from './Migration20261128232639.js';
import { Migration20261128233510 } from './Migration20261128233510.js';
import { Migration20261129000000 } from './Migration20261129000000_search.js';
import { Migration20261129120000 } from './Migration20261129120000_password.js';
import { Migration20261129130000 } from './Migration20261129130000_change_generation.js';
import { Migration20261130000000 } from './Migration20261130000000_search_facets.js';
import { Migration20261201000000 } from './Migration20261201000000_link_check.js';
import { Migration20261203000000 } from './Migration20261203000000_accessibility_feedback.js';
import { Migration20261204100000 } from './Migration20261204100000_meeting_remote_url.js';
import { Migration20261204120000 } from './Migration20261204120000_history.js';
import { Migration20261205000000 } from './Migration20261205000000_link_check_blocked.js';
import { Migration20261205010000 } from './Migration20261205010000_directory_curated.js';

export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261128232639', class: Migration20261128232639 },
  // api_token: hashed API tokens of users.
  { name: 'Migration20261128233510', class: Migration20261128233510 },
  // search: the FTS5 index, its documents, vocabulary and settings (hand-written).
  { name: 'Migration20261129000000_search', class: Migration20261129000000 },
  // password: scrypt password hashes for web sign-in (hand-written).
  { name: 'Migration20261129120000_password', class: Migration20261129120000 },
  // change_generation: a counter every write steps, kept by triggers (hand-written).
  { name: 'Migration20261129130000_change_generation', class: Migration20261129130000 },
  // search_facets: a covering index of search_document for filters, facets and paging.
  { name: 'Migration20261130000000_search_facets', class: Migration20261130000000 },
  // link_check: the history of link checks of resources (hand-written).
  { name: 'Migration20261201000000_link_check', class: Migration20261201000000 },
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
