import { type Command } from 'commander';
import { createServices } from '@ake/domain/orm';
import { systemActor } from '@ake/domain';
import { withDatabase } from './db.js';

/** `ake user …`: accounts and API tokens, run by whoever operates the server. */
export function registerUserCommands(program: Command, log: (line: string) => void): void {
  const user = program.command('user').description('User accounts and their API tokens');

  user
    .command('add')
    .description('Create a curator or admin and print a new API token (the last line of output)')
    .requiredOption('--email <email>', 'email address (the account name)')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', 'curator or admin')
    .option('--token-name <label>', 'what the token is for', 'CLI')
    .action((options: { email: string; name: string; role: string; tokenName: string }) =>
      withDatabase(async (db) => {
        const actor = systemActor('cli user add');
        const services = createServices(db.em.fork());
        const created = await services.users.create(actor, {
          email: options.email,
          name: options.name,
          role: options.role,
        });
        if (!created.ok) {
          throw new Error(created.errors.map((e) => `--${e.field}: ${e.message}`).join('; '));
        }
        const { token } = await createServices(db.em.fork()).users.createToken(actor, {
          userId: created.value.id,
          name: options.tokenName,
        });
        log(`Created ${created.value.role} ${created.value.email} (user ${created.value.id}).`);
        log('API token (shown once; send it as "Authorization: Bearer <token>"):');
        log(token);
      }),
    );

  user
    .command('token')
    .description('Issue another API token for an existing user (printed as the last line)')
    .requiredOption('--email <email>', 'the user’s email')
    .option('--token-name <label>', 'what the token is for', 'CLI')
    .action((options: { email: string; tokenName: string }) =>
      withDatabase(async (db) => {
        const services = createServices(db.em.fork());
        const users = await services.users.list(systemActor('cli'));
        const found = users.find((u) => u.email === options.email.trim().toLowerCase());
        if (!found) throw new Error(`--email: no user with the email ${options.email}`);
        const { token } = await services.users.createToken(systemActor('cli user token'), {
          userId: found.id,
          name: options.tokenName,
        });
        log(token);
      }),
    );
}
