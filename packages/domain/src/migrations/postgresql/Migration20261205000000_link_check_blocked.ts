import { Migration } from '@mikro-orm/migrations';

/**
 * link_check_blocked: a link check may end `blocked` (the outbound guard refused the address;
 * see docs/links.md). Hand-written.
 */
export class Migration20261205000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "link_check" drop constraint if exists "link_check_status_check";');
    this.addSql(
      `alter table "link_check" add constraint "link_check_status_check" check ("status" in ('ok', 'redirected', 'timeout', 'unreachable', 'error', 'broken', 'blocked'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "link_check" where "status" = 'blocked';`);
    this.addSql('alter table "link_check" drop constraint if exists "link_check_status_check";');
    this.addSql(
      `alter table "link_check" add constraint "link_check_status_check" check ("status" in ('ok', 'redirected', 'timeout', 'unreachable', 'error', 'broken'));`,
    );
  }
}
