/**
 * Builds the search documents of records from their tables, with plain SQL in the caller's
 * transaction: what is indexed is exactly what the write left in the database (including
 * changes made with native updates), and a rebuild reads the same way as a single write.
 *
 * What each kind contributes:
 *
 * | type                | title             | tags      | body                                                         |
 * | ------------------- | ----------------- | --------- | ------------------------------------------------------------ |
 * | resource            | title             | tag names | description, URL, organisation                               |
 * | best-practice       | title             | tag names | summary, body, origin organisation                           |
 * | development-idea    | title             | tag names | description, follow-up                                       |
 * | meeting             | title             |           | summary, place, agenda item titles and notes, decisions, actions |
 * | training            | title             |           | topic, description, trainer note, places, programme items    |
 * | work-visit          | "Työvierailu: host" |         | host, visitor's organisation, programme, goals, lessons      |
 * | mentoring-programme | name              |           | description, organiser                                       |
 * | organisation        | name              |           | other names, short name, aliases, town, area, street         |
 *
 * Markdown fields (best practices, ideas, meeting summaries and notes) are indexed and shown as
 * their readable text ({@link markdownToText}), so a snippet never shows `**` or `[…](…)`. An
 * organisation's snippet is a sentence of its kind, place and other names (`snippet`), while its
 * body keeps every alias for finding it.
 *
 * People's names are left out on purpose (personal data that can be anonymised).
 */
import { type Language } from '../../shared/validation.js';
import { helsinkiDate } from '../../shared/time.js';
import { markdownToText } from '../../shared/markdown-text.js';
import { sqlIdentifier } from '../../shared/dialect.js';
import { type OrganisationKind } from '../organisation/organisation.schema.js';
import { type SearchDocument, type SearchKey, type SearchType } from './search-index.js';
import { type SqlExecutor, chunks, placeholders } from './sql-executor.js';

type Row = Record<string, unknown>;

export interface LoadedDocuments {
  /** Records to (re)index. */
  documents: SearchDocument[];
  /** Records that are archived or gone: to be removed from the index. */
  removed: SearchKey[];
}

function text(...parts: unknown[]): string {
  return parts
    .filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
    .map((p) => String(p).trim())
    .filter(Boolean)
    .join('\n');
}

/** The readable text of a Markdown field (null and empty stay out). */
function md(value: unknown): string | null {
  return typeof value === 'string' ? markdownToText(value) : null;
}

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return new Date(Number(value));
  if (typeof value === 'string') return new Date(value);
  return new Date(0);
}

function yearOf(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return Number(value.slice(0, 4));
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? null : Number(helsinkiDate(date).slice(0, 4));
}

function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function language(value: unknown): Language {
  return value === 'sv' || value === 'en' ? value : 'fi';
}

function group<T extends Row>(rows: readonly T[], key: string): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const id = Number(row[key]);
    const list = map.get(id) ?? [];
    list.push(row);
    map.set(id, list);
  }
  return map;
}

function venueText(row: Row, prefix = 'venue_'): string {
  return text(
    row[`${prefix}room`],
    row[`${prefix}floor`],
    row[`${prefix}building`],
    row[`${prefix}street`],
    row[`${prefix}town`],
    row.venue_organisation_name,
  );
}

async function tagsOf(
  exec: SqlExecutor,
  pivot: string,
  owner: string,
  ids: readonly number[],
): Promise<Map<number, string[]>> {
  const rows = await exec.all<Row>(
    `select p.${sqlIdentifier(owner)} as owner, t.name from ${sqlIdentifier(pivot)} p join tag t on t.id = p.tag_id where p.${sqlIdentifier(owner)} in (${placeholders(ids.length)}) order by t.name`,
    ids,
  );
  const map = new Map<number, string[]>();
  for (const row of rows) {
    const list = map.get(Number(row.owner)) ?? [];
    list.push(String(row.name));
    map.set(Number(row.owner), list);
  }
  return map;
}

interface Loader {
  (exec: SqlExecutor, ids: readonly number[]): Promise<SearchDocument[]>;
}

function curatedBase(type: SearchType, row: Row) {
  return {
    type,
    id: Number(row.id),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** An organisation's kind as a Finnish word (the index's snippets are in the record's language). */
const ORGANISATION_KIND_FI: Record<OrganisationKind, string> = {
  library: 'Kirjasto',
  branch_library: 'Sivukirjasto',
  bookmobile: 'Kirjastoauto',
  library_network: 'Kirjastokimppa',
  authority: 'Viranomainen',
  other: 'Organisaatio',
};

/**
 * What a directory entry shows under its name: a sentence of its kind and place, then its other
 * names once each ("Kirjastokimppa, Oulu. Myös: OUTI."), not the list of every indexed alias.
 */
function organisationSnippet(r: Row, aliases: readonly string[]): string {
  const kind = ORGANISATION_KIND_FI[r.kind as OrganisationKind] ?? ORGANISATION_KIND_FI.other;
  const place = [str(r.street), str(r.city)].filter(Boolean).join(', ');
  const area = str(r.area);
  const where = [place, area && area !== str(r.city) ? area : null].filter(Boolean).join(', ');
  const seen = new Set([String(r.name).toLocaleLowerCase('fi')]);
  const others: string[] = [];
  for (const name of [r.short_name, r.name_sv, r.name_en, ...aliases]) {
    if (typeof name !== 'string' || !name.trim()) continue;
    const key = name.trim().toLocaleLowerCase('fi');
    if (seen.has(key)) continue;
    seen.add(key);
    others.push(name.trim());
  }
  return [
    `${kind}${where ? `, ${where}` : ''}.`,
    others.length ? `Myös: ${others.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const loaders: Record<SearchType, { table: string; archived: boolean; load: Loader }> = {
  resource: {
    table: 'resource',
    archived: true,
    async load(exec, ids) {
      const rows = await exec.all<Row>(
        `select r.*, o.name as organisation_name, m.starts_at as meeting_starts_at from resource r
         left join organisation o on o.id = r.organisation_id left join meeting m on m.id = r.source_meeting_id
         where r.id in (${placeholders(ids.length)}) and r.archived_at is null`,
        ids,
      );
      const tags = await tagsOf(exec, 'resource_tag', 'resource_id', ids);
      return rows.map((r) => ({
        ...curatedBase('resource', r),
        language: language(r.language),
        title: String(r.title),
        tags: tags.get(Number(r.id)) ?? [],
        body: text(r.description, r.organisation_name, r.url),
        organisationId: num(r.organisation_id),
        organisationName: str(r.organisation_name),
        year: yearOf(r.meeting_starts_at ?? r.created_at),
      }));
    },
  },
  'best-practice': {
    table: 'best_practice',
    archived: true,
    async load(exec, ids) {
      const rows = await exec.all<Row>(
        `select b.*, o.name as organisation_name, m.starts_at as meeting_starts_at from best_practice b
         left join organisation o on o.id = b.origin_organisation_id left join meeting m on m.id = b.source_meeting_id
         where b.id in (${placeholders(ids.length)}) and b.archived_at is null`,
        ids,
      );
      const tags = await tagsOf(exec, 'best_practice_tag', 'best_practice_id', ids);
      return rows.map((r) => ({
        ...curatedBase('best-practice', r),
        language: language(r.language),
        title: String(r.title),
        tags: tags.get(Number(r.id)) ?? [],
        body: text(md(r.summary), md(r.body), r.organisation_name),
        organisationId: num(r.origin_organisation_id),
        organisationName: str(r.organisation_name),
        year: yearOf(r.meeting_starts_at ?? r.created_at),
      }));
    },
  },
  'development-idea': {
    table: 'development_idea',
    archived: true,
    async load(exec, ids) {
      const rows = await exec.all<Row>(
        `select i.*, m.starts_at as meeting_starts_at from development_idea i
         left join meeting m on m.id = i.source_meeting_id
         where i.id in (${placeholders(ids.length)}) and i.archived_at is null`,
        ids,
      );
      const tags = await tagsOf(exec, 'development_idea_tag', 'development_idea_id', ids);
      return rows.map((r) => ({
        ...curatedBase('development-idea', r),
        language: language(r.language),
        title: String(r.title),
        tags: tags.get(Number(r.id)) ?? [],
        body: text(md(r.description), md(r.follow_up)),
        organisationId: null,
        organisationName: null,
        year: yearOf(r.meeting_starts_at ?? r.created_at),
      }));
    },
  },
  meeting: {
    table: 'meeting',
    archived: true,
    async load(exec, ids) {
      const list = placeholders(ids.length);
      const rows = await exec.all<Row>(
        `select m.*, o.name as venue_organisation_name from meeting m
         left join organisation o on o.id = m.venue_organisation_id
         where m.id in (${list}) and m.archived_at is null`,
        ids,
      );
      const items = group(
        await exec.all<Row>(
          `select id, meeting_id, number, title, notes from agenda_item where meeting_id in (${list}) order by meeting_id, number`,
          ids,
        ),
        'meeting_id',
      );
      const itemIds = [...items.values()].flat().map((item) => Number(item.id));
      const decisions = new Map<number, Row[]>();
      const actions = new Map<number, Row[]>();
      for (const part of chunks(itemIds)) {
        const p = placeholders(part.length);
        for (const [id, found] of group(
          await exec.all<Row>(
            `select agenda_item_id, text from decision where agenda_item_id in (${p}) order by agenda_item_id, position`,
            part,
          ),
          'agenda_item_id',
        ))
          decisions.set(id, found);
        for (const [id, found] of group(
          await exec.all<Row>(
            `select agenda_item_id, description from action_item where agenda_item_id in (${p}) order by agenda_item_id, position`,
            part,
          ),
          'agenda_item_id',
        ))
          actions.set(id, found);
      }
      return rows.map((r) => {
        const agenda = (items.get(Number(r.id)) ?? []).map((item) =>
          text(
            `${String(item.number)}. ${String(item.title)}`,
            md(item.notes),
            ...(decisions.get(Number(item.id)) ?? []).map((d) => d.text),
            ...(actions.get(Number(item.id)) ?? []).map((a) => a.description),
          ),
        );
        return {
          ...curatedBase('meeting', r),
          language: 'fi' as const,
          title: String(r.title),
          tags: [],
          body: text(md(r.summary), venueText(r), r.remote_tool, ...agenda),
          organisationId: num(r.venue_organisation_id),
          organisationName: str(r.venue_organisation_name),
          year: yearOf(r.starts_at),
        };
      });
    },
  },
  training: {
    table: 'training',
    archived: true,
    async load(exec, ids) {
      const list = placeholders(ids.length);
      const rows = await exec.all<Row>(
        `select t.*, o.name as organiser_name, p.name as partner_name from training t
         left join organisation o on o.id = t.organiser_id left join organisation p on p.id = t.partner_id
         where t.id in (${list}) and t.archived_at is null`,
        ids,
      );
      const sessions = group(
        await exec.all<Row>(
          `select s.*, o.name as venue_organisation_name from training_session s
           left join organisation o on o.id = s.venue_organisation_id
           where s.training_id in (${list}) order by s.training_id, s.position`,
          ids,
        ),
        'training_id',
      );
      const programme = group(
        await exec.all<Row>(
          `select training_id, title, description from programme_item where training_id in (${list}) order by training_id, position`,
          ids,
        ),
        'training_id',
      );
      return rows.map((r) => ({
        ...curatedBase('training', r),
        language: 'fi' as const,
        title: String(r.title),
        tags: [],
        body: text(
          r.topic,
          r.description,
          r.trainer_note,
          r.organiser_name,
          r.partner_name,
          ...(sessions.get(Number(r.id)) ?? []).map((s) => venueText(s)),
          ...(programme.get(Number(r.id)) ?? []).map((p) => text(p.title, p.description)),
        ),
        organisationId: num(r.organiser_id),
        organisationName: str(r.organiser_name),
        year: num(r.year),
      }));
    },
  },
  'work-visit': {
    table: 'work_visit',
    archived: true,
    async load(exec, ids) {
      const rows = await exec.all<Row>(
        `select v.*, h.name as host_name, o.name as visitor_organisation_name, p.name as programme_name
         from work_visit v join organisation h on h.id = v.host_id
         left join organisation o on o.id = v.visitor_organisation_id
         left join mentoring_programme p on p.id = v.programme_id
         where v.id in (${placeholders(ids.length)}) and v.archived_at is null`,
        ids,
      );
      return rows.map((r) => ({
        ...curatedBase('work-visit', r),
        language: 'fi' as const,
        title: `Työvierailu: ${String(r.host_name)}`,
        tags: [],
        body: text(r.visitor_organisation_name, r.programme_name, r.goals, r.lessons),
        organisationId: num(r.host_id),
        organisationName: str(r.host_name),
        year: yearOf(r.start_date),
      }));
    },
  },
  'mentoring-programme': {
    table: 'mentoring_programme',
    archived: true,
    async load(exec, ids) {
      const rows = await exec.all<Row>(
        `select p.*, o.name as organiser_name from mentoring_programme p
         left join organisation o on o.id = p.organiser_id
         where p.id in (${placeholders(ids.length)}) and p.archived_at is null`,
        ids,
      );
      return rows.map((r) => ({
        ...curatedBase('mentoring-programme', r),
        language: 'fi' as const,
        title: String(r.name),
        tags: [],
        body: text(r.description, r.organiser_name),
        organisationId: num(r.organiser_id),
        organisationName: str(r.organiser_name),
        year: num(r.start_year),
      }));
    },
  },
  organisation: {
    table: 'organisation',
    archived: false,
    async load(exec, ids) {
      const rows = await exec.all<Row>(
        `select * from organisation where id in (${placeholders(ids.length)})`,
        ids,
      );
      return rows.map((r) => {
        let aliases: string[] = [];
        try {
          const parsed: unknown = typeof r.aliases === 'string' ? JSON.parse(r.aliases) : r.aliases;
          if (Array.isArray(parsed)) aliases = parsed.filter((a) => typeof a === 'string');
        } catch {
          aliases = [];
        }
        return {
          ...curatedBase('organisation', r),
          language: 'fi' as const,
          title: String(r.name),
          tags: [],
          body: text(r.name_sv, r.name_en, r.short_name, ...aliases, r.city, r.area, r.street),
          snippet: organisationSnippet(r, aliases),
          organisationId: Number(r.id),
          organisationName: String(r.name),
          year: null,
        };
      });
    },
  },
};

/** Loads the documents of the given records; archived or missing ones come back as `removed`. */
export async function loadSearchDocuments(
  exec: SqlExecutor,
  keys: readonly SearchKey[],
): Promise<LoadedDocuments> {
  const documents: SearchDocument[] = [];
  const removed: SearchKey[] = [];
  const byType = new Map<SearchType, number[]>();
  for (const key of keys) {
    const ids = byType.get(key.type) ?? [];
    if (!ids.includes(key.id)) ids.push(key.id);
    byType.set(key.type, ids);
  }
  for (const [type, ids] of byType) {
    for (const part of chunks(ids)) {
      const found = await loaders[type].load(exec, part);
      documents.push(...found);
      const present = new Set(found.map((doc) => doc.id));
      for (const id of part) if (!present.has(id)) removed.push({ type, id });
    }
  }
  return { documents, removed };
}

/** Every record that belongs in the index (not archived). */
export async function allSearchKeys(exec: SqlExecutor): Promise<SearchKey[]> {
  const keys: SearchKey[] = [];
  for (const [type, loader] of Object.entries(loaders) as [
    SearchType,
    (typeof loaders)[SearchType],
  ][]) {
    const rows = await exec.all<{ id: number }>(
      `select id from ${sqlIdentifier(loader.table)}${loader.archived ? ' where archived_at is null' : ''} order by id`,
    );
    for (const row of rows) keys.push({ type, id: Number(row.id) });
  }
  return keys;
}
