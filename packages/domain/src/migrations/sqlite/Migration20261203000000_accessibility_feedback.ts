import { Migration } from '@mikro-orm/migrations';
import { changeGenerationTriggersSql } from '../../shared/change-generation.js';

/** accessibility_feedback: messages of the accessibility statement's form (hand-written). */
export class Migration20261203000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      "create table `accessibility_feedback` (`id` integer not null primary key autoincrement, `message` text not null, `email` text null, `page` text null, `language` text check (`language` in ('fi', 'sv', 'en')) not null, `created_at` datetime not null, `handled_at` datetime null, `handled_by_id` integer null, constraint `accessibility_feedback_handled_by_id_foreign` foreign key(`handled_by_id`) references `user_account`(`id`) on delete set null on update cascade);",
    );
    this.addSql(
      'create index `accessibility_feedback_created_at_index` on `accessibility_feedback` (`created_at`);',
    );
    this.addSql(
      'create index `accessibility_feedback_handled_by_id_index` on `accessibility_feedback` (`handled_by_id`);',
    );
    for (const sql of changeGenerationTriggersSql('accessibility_feedback')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `accessibility_feedback`;');
  }
}
