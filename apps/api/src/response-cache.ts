/**
 * A response cache for anonymous GraphQL queries, exact and safe across processes.
 *
 * Every committed write steps the database's change generation (triggers keep it, whatever the
 * write path or process; see the domain's shared/change-generation.ts). An entry is served only
 * while the generation is the one it was computed at, so a mutation's effect is visible to the
 * very next read, from any API process, and nothing a second process needs lives here: each
 * process's cache only saves it work. Requests with a token are never cached (their answers
 * may depend on who asks), nor are mutations, errors or anything but complete JSON responses.
 */
import { createHash } from 'node:crypto';
import { helsinkiDate } from '@ake/domain';

export interface CachedResponse {
  body: string;
  contentType: string;
}

interface Entry extends CachedResponse {
  generation: number;
  bytes: number;
}

/** Least-recently-used entries, bounded by count and bytes. */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxEntries = 1_000,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  /**
   * The key of a request: the operation, its variables, the response format asked for, and
   * today's date in Helsinki (fields such as `network` default to today).
   */
  static key(
    body: { query?: unknown; variables?: unknown; operationName?: unknown },
    accept: string | undefined,
  ): string {
    return createHash('sha256')
      .update(
        JSON.stringify([
          body.query,
          body.variables ?? null,
          body.operationName ?? null,
          accept ?? '',
          helsinkiDate(new Date()),
        ]),
      )
      .digest('base64url');
  }

  /** The response stored under a key at this generation, if any. */
  get(key: string, generation: number): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.generation !== generation) {
      this.misses++;
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry;
  }

  /** Stores a response computed at a generation, evicting the least recently used. */
  set(key: string, generation: number, response: CachedResponse): void {
    const bytes = Buffer.byteLength(response.body);
    if (bytes > this.maxBytes / 10) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.bytes -= previous.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { ...response, generation, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
