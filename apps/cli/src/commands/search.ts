import { type Command } from 'commander';
import { systemActor } from '@ake/domain';
import { HIGHLIGHT_END, HIGHLIGHT_START, createServices } from '@ake/domain/orm';
import { withDatabase } from './db.js';

/** A highlighted text for a terminal: matches in [brackets]. */
function plain(text: string): string {
  return text.replaceAll(HIGHLIGHT_START, '[').replaceAll(HIGHLIGHT_END, ']');
}

/** `ake search …`: the search index. */
export function registerSearchCommands(program: Command, log: (line: string) => void): void {
  const search = program.command('search').description('The search index: rebuild it, try queries');

  search
    .command('reindex')
    .description('Rebuild the search index from the records, in one transaction')
    .action(() =>
      withDatabase(async (db) => {
        const report = await createServices(db.em.fork()).search.reindexAll(
          systemActor('cli search reindex'),
        );
        log(`Indexed ${report.indexed} record(s) in ${report.milliseconds} ms.`);
      }),
    );

  search
    .command('query')
    .description('Search as the web app does and print the hits')
    .argument('<text...>', 'what to search for (quote it to keep the shell away from " and -)')
    .option('--first <n>', 'how many hits', '10')
    .action((text: string[], options: { first: string }) =>
      withDatabase(async (db) => {
        const result = await createServices(db.em.fork()).search.search(text.join(' '), {
          first: Number(options.first),
        });
        log(`${result.totalCount} hit(s)`);
        for (const edge of result.edges) {
          log(`${edge.type} ${edge.id}  ${plain(edge.titleHighlighted)}`);
          if (edge.snippet) log(`    ${plain(edge.snippet)}`);
        }
        if (result.suggestions.length) log(`Did you mean: ${result.suggestions.join(' | ')}`);
      }),
    );
}
