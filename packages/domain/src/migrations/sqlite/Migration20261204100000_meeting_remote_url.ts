import { Migration } from '@mikro-orm/migrations';

/** meeting_remote_url: the link of a remote or hybrid meeting (hand-written). */
export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `meeting` add column `remote_url` text null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table `meeting` drop column `remote_url`;');
  }
}
