/**
 * Link checking as the application runs it: which resources to check, the previous results the
 * broken rule needs, and storing every result (in transactions, in batches, while the run goes
 * on, so an interrupted run keeps what it found). Reading a link's health is batched for lists.
 */
import { type EntityManager, type FilterQuery, raw } from '@mikro-orm/core';
import { type Actor, requireCurator } from '../../shared/actor.js';
import { Resource } from '../resource/resource.entity.js';
import { LinkCheck } from './link-check.entity.js';
import { type Outbound } from '../outbound/outbound.js';
import { LinkChecker, type LinkCheckerOptions, type LinkProbe } from './link-checker.js';
import {
  FAILED_STATUSES,
  LINK_STATUSES,
  type LinkStatus,
  type PreviousCheck,
  classify,
} from './link-status.js';

/** Options of a run: the checker's limits, what to check and whom to tell about progress. */
export interface LinkCheckRunOptions extends Partial<LinkCheckerOptions> {
  /** Check only links whose latest result was a failure (`checkAll`). */
  onlyFailing?: boolean;
  /** Called once the links to check are known. */
  onStart?: (total: number) => void;
  /** Called as each link's result is known (in finishing order). */
  onResult?: (entry: LinkCheckEntry, done: number, total: number) => void;
}

/** The result of one link in a run, as reported (and stored as a `LinkCheck`). */
export interface LinkCheckEntry {
  resourceId: number;
  title: string;
  url: string;
  status: LinkStatus;
  httpStatus: number | null;
  finalUrl: string | null;
  attempts: number;
  durationMs: number;
  error: string | null;
}

/** What a run did. */
export interface LinkCheckReport {
  total: number;
  /** Links per status. */
  counts: Record<LinkStatus, number>;
  /** Every link's result, in the order the resources were listed. */
  entries: LinkCheckEntry[];
  durationMs: number;
}

/** Results are written once this many are waiting, each batch in one transaction. */
const WRITE_BATCH = 100;
/** Ids per `in (…)` list, well under SQLite's limit on bound parameters. */
const ID_CHUNK = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The SQL of the resources whose latest check is `broken`, as a condition on a resource alias
 * (the `broken` filter of resource lists). The latest check is the one with the highest id.
 */
export function brokenLinkCondition(broken: boolean): FilterQuery<Resource> {
  return {
    [raw(
      (alias) =>
        `${alias}.id ${broken ? 'in' : 'not in'} (select lc.resource_id from link_check lc ` +
        `where lc.status = 'broken' and lc.id = (select max(m.id) from link_check m ` +
        `where m.resource_id = lc.resource_id))`,
    )]: [],
  };
}

/**
 * The newest `limit` checks of each resource, newest first, in one statement (for any number
 * of resources, chunked), so a page of resources costs the same whatever its size.
 */
export async function latestLinkChecks(
  em: EntityManager,
  resourceIds: readonly number[],
  limit = 1,
): Promise<Map<number, LinkCheck[]>> {
  const byResource = new Map<number, LinkCheck[]>(resourceIds.map((id) => [id, []]));
  const size = Math.max(0, Math.floor(limit));
  if (!resourceIds.length || size === 0) return byResource;
  for (const ids of chunks([...new Set(resourceIds)], ID_CHUNK)) {
    const rows = await em.find(
      LinkCheck,
      {
        [raw(
          (alias) =>
            `${alias}.id in (select ranked.id from (select id, row_number() over ` +
            `(partition by resource_id order by id desc) as rn from link_check ` +
            `where resource_id in (${ids.map(() => '?').join(', ')})) ranked where ranked.rn <= ?)`,
          [...ids, size],
        )]: [],
      },
      { orderBy: { id: 'desc' } },
    );
    for (const row of rows) byResource.get(row.resource.id)?.push(row);
  }
  return byResource;
}

/** Checks resources' links and keeps the history of what they answered. */
export class LinkCheckService {
  /** `outbound`: the guarded HTTP client runs use (default: one with the environment's policy). */
  constructor(
    private readonly em: EntityManager,
    private readonly outbound?: Outbound,
  ) {}

  /** Checks every resource that is not archived (curators, admins, the system). */
  async checkAll(actor: Actor, options: LinkCheckRunOptions = {}): Promise<LinkCheckReport> {
    requireCurator(actor);
    let resources = await this.em.find(Resource, { archivedAt: null }, { orderBy: { id: 'asc' } });
    if (options.onlyFailing) {
      const latest = await latestLinkChecks(
        this.em,
        resources.map((r) => r.id),
      );
      resources = resources.filter((r) => {
        const last = latest.get(r.id)?.[0];
        return last !== undefined && FAILED_STATUSES.has(last.status);
      });
    }
    return this.run(resources, options);
  }

  /** Checks the given resources (archived and unknown ids are skipped). */
  async checkResources(
    actor: Actor,
    resourceIds: readonly number[],
    options: LinkCheckRunOptions = {},
  ): Promise<LinkCheckReport> {
    requireCurator(actor);
    const resources: Resource[] = [];
    for (const ids of chunks([...new Set(resourceIds)], ID_CHUNK)) {
      resources.push(
        ...(await this.em.find(
          Resource,
          { id: { $in: ids }, archivedAt: null },
          { orderBy: { id: 'asc' } },
        )),
      );
    }
    return this.run(resources, options);
  }

  /** The latest check of each resource (absent when never checked). */
  async linkHealth(resourceIds: readonly number[]): Promise<Map<number, LinkCheck>> {
    const latest = await latestLinkChecks(this.em, resourceIds, 1);
    const out = new Map<number, LinkCheck>();
    for (const [id, checks] of latest) if (checks[0]) out.set(id, checks[0]);
    return out;
  }

  /** The newest `limit` checks of each resource, newest first. */
  async history(resourceIds: readonly number[], limit = 10): Promise<Map<number, LinkCheck[]>> {
    return latestLinkChecks(this.em, resourceIds, limit);
  }

  private async run(
    resources: readonly Pick<Resource, 'id' | 'url' | 'title'>[],
    options: LinkCheckRunOptions,
  ): Promise<LinkCheckReport> {
    const started = performance.now();
    const checker = new LinkChecker({ outbound: this.outbound, ...options });
    const previous = new Map<number, PreviousCheck>();
    for (const [id, checks] of await latestLinkChecks(
      this.em,
      resources.map((r) => r.id),
    )) {
      if (checks[0]) previous.set(id, { url: checks[0].url, status: checks[0].status });
    }
    const total = resources.length;
    options.onStart?.(total);

    const entries = new Map<number, LinkCheckEntry>();
    let pending: { entry: LinkCheckEntry; probe: LinkProbe; checkedAt: Date }[] = [];
    // Writes go one after another (one transaction at a time) while checking goes on.
    // A failed write is kept and thrown at the end (a rejected promise left waiting would end
    // the process as an unhandled rejection).
    let writing: Promise<void> = Promise.resolve();
    let writeError: Error | null = null;
    const write = () => {
      const batch = pending;
      pending = [];
      writing = writing
        .then(() =>
          this.em.transactional(async (tx) => {
            for (const { entry, probe, checkedAt } of batch) {
              tx.persist(
                tx.create(
                  LinkCheck,
                  {
                    resource: tx.getReference(Resource, entry.resourceId),
                    url: probe.url,
                    checkedAt,
                    status: entry.status,
                    httpStatus: probe.httpStatus,
                    finalUrl: probe.finalUrl,
                    redirects: probe.redirects,
                    attempts: probe.attempts,
                    durationMs: probe.durationMs,
                    error: probe.error?.slice(0, 500) ?? null,
                  },
                  { persist: false },
                ),
              );
            }
            await tx.flush();
          }),
        )
        .catch((error: unknown) => {
          writeError ??= error instanceof Error ? error : new Error(String(error));
        });
    };

    await checker.checkMany(resources, (resource, probe) => {
      if (writeError) throw writeError;
      const status = classify(
        {
          url: probe.url,
          outcome: probe.outcome,
          attempts: probe.attempts,
          redirected: probe.redirects.length > 0,
        },
        previous.get(resource.id) ?? null,
      );
      const entry: LinkCheckEntry = {
        resourceId: resource.id,
        title: resource.title,
        url: probe.url,
        status,
        httpStatus: probe.httpStatus,
        finalUrl: probe.finalUrl,
        attempts: probe.attempts,
        durationMs: probe.durationMs,
        error: probe.error,
      };
      entries.set(resource.id, entry);
      pending.push({ entry, probe, checkedAt: new Date() });
      if (pending.length >= WRITE_BATCH) write();
      options.onResult?.(entry, entries.size, total);
    });
    if (pending.length) write();
    await writing;
    // Set by the callbacks above; TypeScript's narrowing cannot see that.
    const failure = writeError as Error | null;
    if (failure) throw failure;

    const counts = Object.fromEntries(LINK_STATUSES.map((s) => [s, 0])) as Record<
      LinkStatus,
      number
    >;
    const ordered = resources.map((r) => entries.get(r.id)!);
    for (const entry of ordered) counts[entry.status]++;
    return {
      total,
      counts,
      entries: ordered,
      durationMs: Math.round(performance.now() - started),
    };
  }
}
