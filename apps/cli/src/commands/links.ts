import { type Command, InvalidArgumentError } from 'commander';
import { SingleBar } from 'cli-progress';
import { systemActor } from '@ake/domain';
import {
  LINK_STATUSES,
  type LinkCheckEntry,
  type LinkCheckReport,
  createServices,
} from '@ake/domain/orm';
import { withDatabase } from './db.js';

interface CheckOptions {
  concurrency?: number;
  perHost?: number;
  timeout?: number;
  retries?: number;
  onlyBroken?: boolean;
}

/** A whole number of at least `min`, for an option. */
function wholeNumber(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      throw new InvalidArgumentError(`Must be a whole number of at least ${min}.`);
    }
    return n;
  };
}

function describeEntry(e: LinkCheckEntry): string {
  const answer = e.error ?? (e.httpStatus === null ? '' : `HTTP ${e.httpStatus}`);
  const moved = e.finalUrl && e.finalUrl !== e.url ? ` → ${e.finalUrl}` : '';
  return `  resource ${e.resourceId}  ${e.url}${moved}  ${answer}  (${e.title})`;
}

/** The summary at the end of a run: counts by status, then the links that need a look. */
export function summarise(report: LinkCheckReport, log: (line: string) => void): void {
  const counts = LINK_STATUSES.map((s) => `${report.counts[s]} ${s}`).join(', ');
  log(`Checked ${report.total} link(s) in ${(report.durationMs / 1000).toFixed(1)} s: ${counts}.`);
  const broken = report.entries.filter((e) => e.status === 'broken');
  const failing = report.entries.filter((e) =>
    ['timeout', 'unreachable', 'error'].includes(e.status),
  );
  if (broken.length) {
    log('Broken (a confirmed failure):');
    for (const e of broken) log(describeEntry(e));
  }
  if (failing.length) {
    log('Failed this time (broken if they fail again on the next run):');
    for (const e of failing) log(`${describeEntry(e)} [${e.status}]`);
  }
  const blocked = report.entries.filter((e) => e.status === 'blocked');
  if (blocked.length) {
    log('Not checked, the address is not allowed (not public, or its port; see docs/links.md):');
    for (const e of blocked) log(describeEntry(e));
  }
}

/** `ake links …`: the health of curated links. */
export function registerLinkCommands(program: Command, log: (line: string) => void): void {
  const links = program.command('links').description('Curated links: check that they still work');

  links
    .command('check')
    .description(
      'Check every link that is not archived, record the results, and print a summary ' +
        '(exits 0 even when links are broken: it is a report)',
    )
    .option('--concurrency <n>', 'requests in flight at most (default 16)', wholeNumber(1))
    .option('--per-host <n>', 'requests in flight at most per host (default 2)', wholeNumber(1))
    .option('--timeout <ms>', 'milliseconds a request may take (default 10000)', wholeNumber(1))
    .option('--retries <n>', 'tries again before a failure counts (default 1)', wholeNumber(0))
    .option('--only-broken', 'check only links whose latest check failed')
    .action((options: CheckOptions) =>
      withDatabase(async (db) => {
        // The bar goes to a terminal's stderr only, so piped output stays a clean report.
        const bar = process.stderr.isTTY
          ? new SingleBar({
              stream: process.stderr,
              format: 'links [{bar}] {value}/{total} {status}',
              hideCursor: true,
            })
          : null;
        try {
          const report = await createServices(db.em.fork()).links.checkAll(
            systemActor('cli links check'),
            {
              concurrency: options.concurrency,
              perHost: options.perHost,
              timeoutMs: options.timeout,
              retries: options.retries,
              onlyFailing: options.onlyBroken ?? false,
              onStart: (total) => bar?.start(total, 0, { status: '' }),
              onResult: (entry, done) => bar?.update(done, { status: entry.status }),
            },
          );
          bar?.stop();
          summarise(report, log);
        } finally {
          bar?.stop();
        }
      }),
    );
}
