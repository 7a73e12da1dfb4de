import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { systemActor } from '@ake/domain';
import { createServices } from '@ake/domain/orm';
import { MemoFileError, parseMemoFile, warningMessage } from '@ake/memo';
import { withDatabase } from './db.js';

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
}

/** `ake import …`: meeting memos (and later bookmarks and backups). */
export function registerImportCommands(program: Command, log: (line: string) => void): void {
  const imports = program.command('import').description('Bring content in: meeting memos');

  imports
    .command('memo')
    .description(
      'Import meeting memos (.md, .txt or .docx): one meeting per memo; importing again changes nothing',
    )
    .argument('<files...>', 'memo files')
    .option('--dry-run', 'parse and match, write nothing')
    .option('--json', 'print the drafts (and results) as JSON')
    .action((files: string[], options: ImportOptions) =>
      withDatabase(async (db) => {
        const actor = systemActor('memo import');
        // A progress bar helps with many files, and is left out of JSON output and pipes.
        const bar =
          files.length > 1 && !options.json && process.stderr.isTTY
            ? new SingleBar({ stream: process.stderr })
            : null;
        bar?.start(files.length, 0);
        const results: unknown[] = [];
        let failed = 0;
        for (const file of files) {
          try {
            const buffer = await readFile(file);
            if (buffer.length === 0) throw new Error('the file is empty');
            const draft = await parseMemoFile(buffer, basename(file));
            const text = file.toLowerCase().endsWith('.docx') ? null : buffer.toString('utf8');
            const result = await createServices(db.em.fork()).memoImport.importDraft(
              actor,
              draft,
              text,
              {
                dryRun: options.dryRun ?? false,
                fileName: basename(file),
              },
            );
            if (!result.ok) {
              failed++;
              const detail = result.errors
                .map((e) => `${e.field || 'memo'}: ${e.message}`)
                .join('; ');
              if (options.json) results.push({ file, draft, errors: result.errors });
              else log(`${file}: not imported: ${detail}`);
            } else {
              const { meeting, alreadyImported, created, notes, warnings } = result.value;
              if (options.json) {
                results.push({
                  file,
                  draft,
                  meetingId: meeting?.id ?? null,
                  alreadyImported,
                  created,
                  notes,
                  warnings,
                });
              } else {
                const what = options.dryRun
                  ? `would create ${created.meetings} meeting(s), ${created.people} people, ${created.organisations} organisations, ${created.resources} links, ${created.trainings} trainings`
                  : alreadyImported
                    ? `already imported (meeting ${meeting?.id})`
                    : `imported as meeting ${meeting?.id}: ${created.people} new people, ${created.organisations} new organisations, ${created.resources} new links`;
                log(`${file}: ${what}`);
                for (const w of warnings) log(`  warning (${w.code}): ${warningMessage(w)}`);
                for (const n of notes) log(`  ${n.message}`);
              }
            }
          } catch (error) {
            failed++;
            const message =
              error instanceof MemoFileError || error instanceof Error
                ? error.message
                : String(error);
            if (options.json)
              results.push({ file, errors: [{ field: 'file', code: 'INVALID', message }] });
            else log(`${file}: not imported: ${message}`);
          }
          bar?.increment();
        }
        bar?.stop();
        if (options.json) log(JSON.stringify(files.length === 1 ? results[0] : results, null, 2));
        if (failed) process.exitCode = 1;
      }),
    );
}
