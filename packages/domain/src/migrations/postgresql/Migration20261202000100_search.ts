import { Migration } from '@mikro-orm/migrations';

/**
 * The search index on PostgreSQL (hand-written; see docs/search.md and
 * src/modules/search/postgres-search-index.ts). The same tables as on SQLite, except that the
 * analysed terms live in a weighted `tsvector` column of `search_document` (title A, tags B,
 * body C) with a GIN index instead of an FTS5 table, and the vocabulary has a trigram index
 * (`pg_trgm`) for "did you mean".
 *
 * `pg_trgm` goes into `public`, which every connection's search path includes, so that several
 * installations (or test runs) in schemas of one database share it.
 */
export class Migration20261202000100 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm with schema public;');
    this.addSql(
      `create table "search_document" ("id" serial primary key, "type" text not null, "entity_id" int not null, "language" text not null, "title" text not null, "tags" jsonb not null default '[]', "snippet_text" text not null default '', "organisation_id" int null, "organisation_name" text null, "year" int null, "words" jsonb not null default '[]', "created_at" bigint not null, "updated_at" bigint not null, "document" tsvector not null);`,
    );
    this.addSql(
      'create unique index "search_document_type_entity_id_unique" on "search_document" ("type", "entity_id");',
    );
    this.addSql(
      'create index "search_document_organisation_id_index" on "search_document" ("organisation_id");',
    );
    this.addSql(
      'create index "search_document_document_index" on "search_document" using gin ("document");',
    );
    this.addSql(
      `create table "search_term" ("language" text not null, "word" text not null, "term_key" text not null, "doc_count" int not null default 0, primary key ("language", "word"));`,
    );
    this.addSql(
      'create index "search_term_word_trgm_index" on "search_term" using gin ("word" public.gin_trgm_ops);',
    );
    this.addSql(
      'create table "search_meta" ("key" text not null primary key, "value" text not null);',
    );
  }
}
