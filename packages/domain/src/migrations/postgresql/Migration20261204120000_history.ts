import { Migration } from '@mikro-orm/migrations';

/**
 * history: a revision remembers which earlier version it restored, and a merged tag remembers
 * the tag it was merged into (hand-written).
 */
export class Migration20261204120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "revision" add column "restored_from_version" int null;');
    this.addSql('alter table "tag" add column "merged_into_id" int null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "revision" drop column "restored_from_version";');
    this.addSql('alter table "tag" drop column "merged_into_id";');
  }
}
