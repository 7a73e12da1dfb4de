import { Migration } from '@mikro-orm/migrations';

/** Password sign-in for the web app: a scrypt hash with its salt and parameters (hand-written). */
export class Migration20261129120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`user_account\` add column \`password_hash\` text null;`);
  }
}
