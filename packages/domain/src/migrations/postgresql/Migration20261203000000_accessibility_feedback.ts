import { Migration } from '@mikro-orm/migrations';
import { changeGenerationTriggersSql } from '../../shared/change-generation.js';

/** accessibility_feedback: messages of the accessibility statement's form (hand-written). */
export class Migration20261203000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "accessibility_feedback" ("id" serial primary key, "message" text not null, "email" varchar(320) null, "page" varchar(2048) null, "language" text check ("language" in ('fi', 'sv', 'en')) not null, "created_at" timestamptz not null, "handled_at" timestamptz null, "handled_by_id" int null);`,
    );
    this.addSql(
      'create index "accessibility_feedback_created_at_index" on "accessibility_feedback" ("created_at");',
    );
    this.addSql(
      'create index "accessibility_feedback_handled_by_id_index" on "accessibility_feedback" ("handled_by_id");',
    );
    this.addSql(
      'alter table "accessibility_feedback" add constraint "accessibility_feedback_handled_by_id_foreign" foreign key ("handled_by_id") references "user_account" ("id") on update cascade on delete set null deferrable initially immediate;',
    );
    for (const sql of changeGenerationTriggersSql('accessibility_feedback', 'postgresql')) {
      this.addSql(sql);
    }
  }
}
