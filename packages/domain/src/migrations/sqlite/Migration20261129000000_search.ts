import { Migration } from '@mikro-orm/migrations';

/**
 * The search index (hand-written: MikroORM cannot generate FTS5 virtual tables). See
 * docs/search.md and src/modules/search/sqlite-search-index.ts.
 *
 * - `search_document`: one row per searchable record, with the columns filters and facets use
 *   and the plain text shown in results; its `id` is the rowid of the record's `search_fts` row.
 * - `search_fts`: the analysed term strings of `@ake/search` (`toIndexText`) per field. Terms are
 *   already lower-case letters and digits, so `unicode61` never splits them again.
 * - `search_term`: the surface words of the indexed records with their term keys and document
 *   counts: the vocabulary of "did you mean" and the compound lexicon that grows with the corpus.
 * - `search_meta`: small key-value settings (the lexicon's change token).
 */
export class Migration20261129000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`search_document\` (\`id\` integer not null primary key, \`type\` text not null, \`entity_id\` integer not null, \`language\` text not null, \`title\` text not null, \`tags\` text not null default '[]', \`snippet_text\` text not null default '', \`organisation_id\` integer null, \`organisation_name\` text null, \`year\` integer null, \`words\` text not null default '[]', \`created_at\` integer not null, \`updated_at\` integer not null);`,
    );
    this.addSql(
      `create unique index \`search_document_type_entity_id_unique\` on \`search_document\` (\`type\`, \`entity_id\`);`,
    );
    this.addSql(
      `create index \`search_document_organisation_id_index\` on \`search_document\` (\`organisation_id\`);`,
    );
    this.addSql(
      `create virtual table \`search_fts\` using fts5(\`title\`, \`tags\`, \`body\`, tokenize = 'unicode61');`,
    );
    this.addSql(
      `create table \`search_term\` (\`language\` text not null, \`word\` text not null, \`term_key\` text not null, \`doc_count\` integer not null default 0, primary key (\`language\`, \`word\`));`,
    );
    this.addSql(`create index \`search_term_word_index\` on \`search_term\` (\`word\`);`);
    this.addSql(
      `create table \`search_meta\` (\`key\` text not null primary key, \`value\` text not null);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `search_meta`;');
    this.addSql('drop table if exists `search_term`;');
    this.addSql('drop table if exists `search_fts`;');
    this.addSql('drop table if exists `search_document`;');
  }
}
