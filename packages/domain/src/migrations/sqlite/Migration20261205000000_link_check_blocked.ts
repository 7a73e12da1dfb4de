import { Migration } from '@mikro-orm/migrations';
import { changeGenerationTriggersSql } from '../../shared/change-generation.js';

const STATUSES = (statuses: string[]) => statuses.map((s) => `'${s}'`).join(', ');
const BEFORE = ['ok', 'redirected', 'timeout', 'unreachable', 'error', 'broken'];
const AFTER = [...BEFORE, 'blocked'];

/** The link_check table with a check constraint over `statuses` (as in the first migration). */
function createTable(name: string, statuses: string[]): string {
  return (
    `create table \`${name}\` (\`id\` integer not null primary key autoincrement, \`resource_id\` integer not null, \`url\` text not null, \`checked_at\` datetime not null, \`status\` text check (\`status\` in (${STATUSES(statuses)})) not null, \`http_status\` integer null, \`final_url\` text null, \`redirects\` json not null, \`attempts\` integer not null, \`duration_ms\` integer not null, \`error\` text null, ` +
    `constraint \`link_check_resource_id_foreign\` foreign key(\`resource_id\`) references \`resource\`(\`id\`) on delete cascade on update cascade);`
  );
}

/** Rebuilds link_check with a constraint over `statuses`, keeping its rows, indexes, triggers. */
function rebuild(migration: Migration, statuses: string[], rows: string): void {
  migration.addSql(createTable('link_check__new', statuses));
  migration.addSql(
    'insert into `link_check__new` (`id`, `resource_id`, `url`, `checked_at`, `status`, `http_status`, `final_url`, `redirects`, `attempts`, `duration_ms`, `error`) ' +
      `select \`id\`, \`resource_id\`, \`url\`, \`checked_at\`, \`status\`, \`http_status\`, \`final_url\`, \`redirects\`, \`attempts\`, \`duration_ms\`, \`error\` from \`link_check\`${rows};`,
  );
  migration.addSql('drop table `link_check`;');
  migration.addSql('alter table `link_check__new` rename to `link_check`;');
  migration.addSql('create index `link_check_resource_id_index` on `link_check` (`resource_id`);');
  migration.addSql('create index `link_check_status_index` on `link_check` (`status`);');
  for (const sql of changeGenerationTriggersSql('link_check')) migration.addSql(sql);
}

/**
 * link_check_blocked: a link check may end `blocked` (the outbound guard refused the address;
 * see docs/links.md). SQLite cannot alter a check constraint, so the table is rebuilt
 * (hand-written).
 */
export class Migration20261205000000 extends Migration {
  override async up(): Promise<void> {
    rebuild(this, AFTER, '');
  }

  override async down(): Promise<void> {
    // The earlier constraint has no room for `blocked`: those checks go.
    rebuild(this, BEFORE, " where `status` <> 'blocked'");
  }
}
