import { Migration } from '@mikro-orm/migrations';
import { changeGenerationTriggersSql } from '../../shared/change-generation.js';

/** link_check: the history of link checks of resources (hand-written; see docs/links.md). */
export class Migration20261201000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      "create table `link_check` (`id` integer not null primary key autoincrement, `resource_id` integer not null, `url` text not null, `checked_at` datetime not null, `status` text check (`status` in ('ok', 'redirected', 'timeout', 'unreachable', 'error', 'broken')) not null, `http_status` integer null, `final_url` text null, `redirects` json not null, `attempts` integer not null, `duration_ms` integer not null, `error` text null, constraint `link_check_resource_id_foreign` foreign key(`resource_id`) references `resource`(`id`) on delete cascade on update cascade);",
    );
    this.addSql('create index `link_check_resource_id_index` on `link_check` (`resource_id`);');
    this.addSql('create index `link_check_status_index` on `link_check` (`status`);');
    for (const sql of changeGenerationTriggersSql('link_check')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `link_check`;');
  }
}
