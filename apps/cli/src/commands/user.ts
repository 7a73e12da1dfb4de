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

  user
    .command('password')
    .description('Set a user’s password for web sign-in (read from stdin unless --password)')
    .requiredOption('--email <email>', 'the user’s email')
    .option(
      '--password <password>',
      'the password (for tests; prefer stdin, which stays out of shell history)',
    )
    .action((options: { email: string; password?: string }) =>
      withDatabase(async (db) => {
        const password = options.password ?? (await readStdin()).replace(/\r?\n$/, '');
        const services = createServices(db.em.fork());
        const users = await services.users.list(systemActor('cli'));
        const found = users.find((u) => u.email === options.email.trim().toLowerCase());
        if (!found) throw new Error(`--email: no user with the email ${options.email}`);
        const result = await createServices(db.em.fork()).users.setPassword(
          systemActor('cli user password'),
          found.id,
          password,
        );
        if (!result.ok) {
          throw new Error(result.errors.map((e) => `--password: ${e.message}`).join('; '));
        }
        log(`Password set for ${found.email}.`);
      }),
    );
}

/** Everything on standard input (the password, piped or typed and ended with Ctrl-D). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
