import { Command } from 'commander';
import { registerBackupCommands } from './commands/backup.js';
import { registerBookmarkCommands } from './commands/bookmarks.js';
import { registerDbCommands } from './commands/db.js';
import { registerImportCommands } from './commands/import.js';
import { registerLinkCommands } from './commands/links.js';
import { registerSearchCommands } from './commands/search.js';
import { registerUserCommands } from './commands/user.js';

/** The `ake` command line, with its output going to `log`. */
export function createProgram(log: (line: string) => void = (line) => console.log(line)): Command {
  const program = new Command('ake')
    .description('AKE-tietopankki: the knowledge base of the AKE working group')
    .showHelpAfterError();
  registerDbCommands(program, log);
  registerUserCommands(program, log);
  registerImportCommands(program, log);
  registerBackupCommands(program, log);
  registerBookmarkCommands(program, log);
  registerSearchCommands(program, log);
  registerLinkCommands(program, log);
  return program;
}
