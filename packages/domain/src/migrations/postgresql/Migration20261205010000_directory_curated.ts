import { Migration } from '@mikro-orm/migrations';

/**
 * directory_curated: organisations and people become curated records (a version an edit starts
 * from; the revisions say who changed what), so the web app can edit them with conflict
 * detection and a revision per edit (hand-written). Existing rows start at version 1.
 */
export class Migration20261205010000 extends Migration {
  override async up(): Promise<void> {
    for (const table of ['organisation', 'person']) {
      this.addSql(`alter table "${table}" add column "version" int not null default 1;`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['organisation', 'person']) {
      this.addSql(`alter table "${table}" drop column "version";`);
    }
  }
}
