/**
 * Memo import: a meeting memo (Markdown, text or .docx, parsed by @ake/memo into a
 * `MeetingDraft`) becomes a meeting with its participants, agenda, decisions, actions, links
 * and next meeting. People and organisations are matched to existing records by normalised name
 * ("Oulun kaupunginkirjasto" written three ways is one organisation; "Kiri, Kärsämäki" is the
 * library of Kärsämäki), and importing the same memo again changes nothing.
 */
import { type EntityManager } from '@mikro-orm/core';
import { type MeetingDraft, type MemoWarning, parseMemoText } from '@ake/memo';
import { type Actor, requireCurator } from '../../shared/actor.js';
import { type Result, type UserError, fail } from '../../shared/errors.js';
import { helsinkiDate, parseDateTime } from '../../shared/time.js';
import { fieldError, normaliseName } from '../../shared/validation.js';
import { InvalidInput, runWrite } from '../../shared/write.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { normaliseUrl } from '../resource/normalise-url.js';
import { Resource } from '../resource/resource.entity.js';
import { ResourceService } from '../resource/resource.service.js';
import { GroupMembership, WorkingGroup } from '../working-group/working-group.entity.js';
import { WorkingGroupService } from '../working-group/working-group.service.js';

/** A note about what the import did or could not do, beside the parser's own warnings. */
export interface ImportNote {
  code:
    | 'organisation_created'
    | 'person_created'
    | 'already_imported'
    | 'link_existing'
    | 'role_assigned';
  message: string;
}

export interface MemoImportResult {
  draft: MeetingDraft;
  /** The imported (or already imported) meeting; null for a dry run. */
  meeting: Meeting | null;
  alreadyImported: boolean;
  /** What the import created, by kind (what it would create, for a dry run). */
  created: { meetings: number; people: number; organisations: number; resources: number };
  notes: ImportNote[];
  warnings: MemoWarning[];
}

export interface MemoImportOptions {
  /** Parse and match, but write nothing. */
  dryRun?: boolean;
  /** The group the meeting belongs to; default: the group the memo names, or the only group. */
  groupId?: number;
  fileName?: string;
}

const DATE_FI = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d}.${m}.${y}`;
};

/** Resolves names in a draft to records, creating what is missing unless it is a dry run. */
class Resolver {
  readonly notes: ImportNote[] = [];
  readonly created = { meetings: 0, people: 0, organisations: 0, resources: 0 };
  private readonly orgs = new Map<string, Organisation | null>();
  private readonly people = new Map<string, Person | null>();

  constructor(
    private readonly tx: EntityManager,
    private readonly dryRun: boolean,
  ) {}

  private all: Organisation[] | null = null;

  /** Every organisation, read once per import: a region has dozens, not thousands. */
  private async organisations(): Promise<Organisation[]> {
    this.all ??= await this.tx.find(Organisation, {});
    return this.all;
  }

  /** The library of a town: "Kiri, Kärsämäki" means Kärsämäki's library, not the network. */
  private async libraryIn(town: string): Promise<Organisation | null> {
    const key = normaliseName(town);
    return (
      (await this.organisations()).find(
        (o) => o.kind === 'library' && o.city && normaliseName(o.city) === key,
      ) ?? null
    );
  }

  private async byName(name: string): Promise<Organisation | null> {
    const key = normaliseName(name);
    return (
      (await this.organisations()).find(
        (o) =>
          o.normalisedName === key ||
          o.aliases.includes(key) ||
          (o.shortName && normaliseName(o.shortName) === key),
      ) ?? null
    );
  }

  /** The organisation a participant represented. */
  async organisation(name: string | null, place: string | null): Promise<Organisation | null> {
    const cacheKey = `${name ?? ''}|${place ?? ''}`;
    if (this.orgs.has(cacheKey)) return this.orgs.get(cacheKey)!;
    let org: Organisation | null = null;
    if (place) org = await this.libraryIn(place);
    if (!org && name) org = await this.byName(name);
    if (!org && name && !place) org = await this.libraryIn(name);
    if (!org && name) {
      this.notes.push({ code: 'organisation_created', message: `New organisation: ${name}` });
      this.created.organisations++;
      if (!this.dryRun) {
        org = this.tx.create(Organisation, {
          kind: 'other',
          name,
          normalisedName: normaliseName(name),
          aliases: [],
          city: place,
          createdAt: new Date(),
          updatedAt: new Date(),
        });
        await this.tx.flush();
        this.all?.push(org);
      }
    }
    this.orgs.set(cacheKey, org);
    return org;
  }

  /** The person with this name, created (with their organisation) when unknown. */
  async person(name: string, organisation: Organisation | null): Promise<Person | null> {
    const key = normaliseName(name);
    if (this.people.has(key)) return this.people.get(key)!;
    let person = await this.tx.findOne(Person, { normalisedName: key, anonymisedAt: null });
    if (!person) {
      this.notes.push({ code: 'person_created', message: `New person: ${name}` });
      this.created.people++;
      if (!this.dryRun) {
        person = this.tx.create(Person, {
          name,
          normalisedName: key,
          organisation,
          createdAt: new Date(),
          updatedAt: new Date(),
        });
        await this.tx.flush();
      }
    }
    this.people.set(key, person);
    return person;
  }
}

/** Imports meeting memos. */
export class MemoImportService {
  constructor(private readonly em: EntityManager) {}

  /** Parses memo text and imports it (see `importDraft`). */
  async importText(
    actor: Actor,
    text: string,
    options: MemoImportOptions = {},
  ): Promise<Result<MemoImportResult>> {
    const draft = parseMemoText(text, { fileName: options.fileName });
    return this.importDraft(actor, draft, text, options);
  }

  /**
   * Imports a reviewed draft: everything in one transaction, or nothing. A meeting of the same
   * group starting at the same time counts as the same memo: it is returned and nothing changes.
   */
  async importDraft(
    actor: Actor,
    draft: MeetingDraft,
    sourceText: string | null,
    options: MemoImportOptions = {},
  ): Promise<Result<MemoImportResult>> {
    requireCurator(actor);
    const startsAt = draft.startsAt ? parseDateTime(draft.startsAt) : null;
    if (!startsAt) {
      return fail([
        fieldError('startsAt', 'REQUIRED', 'The memo has no date and time of the meeting'),
      ]);
    }
    const dryRun = options.dryRun ?? false;
    const work = async (tx: EntityManager): Promise<MemoImportResult> => {
      const group = await this.group(tx, draft, options.groupId);
      // A meeting at the same time with a memo already is this memo; one without (planned at an
      // earlier meeting) is filled in from it.
      const existing = await tx.findOne(
        Meeting,
        { group, startsAt, archivedAt: null },
        { populate: ['sourceText'] },
      );
      if (existing?.sourceText) {
        return {
          draft,
          meeting: dryRun ? null : existing,
          alreadyImported: true,
          created: { meetings: 0, people: 0, organisations: 0, resources: 0 },
          notes: [{ code: 'already_imported', message: `Already imported as "${existing.title}"` }],
          warnings: draft.warnings,
        };
      }
      const resolve = new Resolver(tx, dryRun);
      const participants = [];
      for (const p of draft.participants) {
        const organisation = await resolve.organisation(p.organisation, p.place);
        const person = await resolve.person(p.name, organisation);
        participants.push({
          person,
          organisation,
          roles: p.roles.length ? p.roles : ['member'],
          attendance: 'present' as const,
        });
      }
      for (const a of draft.absent) {
        const organisation = await resolve.organisation(a.organisation, a.place);
        const person = await resolve.person(a.name, organisation);
        participants.push({
          person,
          organisation,
          roles: ['member'],
          attendance: 'absent' as const,
        });
      }
      const agenda = [];
      for (const item of draft.agenda) {
        const actions = [];
        for (const action of item.actions) {
          const owner = action.owner ? await resolve.person(action.owner, null) : null;
          actions.push({ description: action.text, ownerId: owner?.id ?? null });
        }
        agenda.push({
          number: item.number,
          title: item.title,
          notes: item.notes.join('\n\n') || null,
          decisions: item.decisions,
          actions,
        });
      }
      const links = draft.agenda.flatMap((item) =>
        item.links.map((link) => ({ ...link, number: item.number })),
      );
      for (const link of draft.links) {
        if (!links.some((l) => normaliseUrl(l.url) === normaliseUrl(link.url)))
          links.push({ ...link, number: 0 });
      }
      for (const link of links) {
        const known = normaliseUrl(link.url)
          ? await tx.findOne(Resource, { normalizedUrl: normaliseUrl(link.url)! })
          : null;
        if (known)
          resolve.notes.push({
            code: 'link_existing',
            message: `Link already saved: ${known.title}`,
          });
        else resolve.created.resources++;
      }
      const nextStart = draft.nextMeeting?.startsAt
        ? parseDateTime(draft.nextMeeting.startsAt)
        : null;
      const nextKnown = nextStart
        ? await tx.findOne(Meeting, { group, startsAt: nextStart, archivedAt: null })
        : null;
      resolve.created.meetings += (existing ? 0 : 1) + (nextStart && !nextKnown ? 1 : 0);
      if (dryRun) {
        return {
          draft,
          meeting: null,
          alreadyImported: false,
          created: resolve.created,
          notes: resolve.notes,
          warnings: draft.warnings,
        };
      }

      const meetings = new MeetingService(tx);
      let nextMeetingId: number | null = null;
      if (draft.nextMeeting && nextStart) {
        if (nextKnown) {
          nextMeetingId = nextKnown.id;
        } else {
          const venue = draft.nextMeeting.place;
          const next = unwrap(
            await meetings.create(actor, {
              groupId: group.id,
              title: `Työryhmän kokous ${DATE_FI(draft.nextMeeting.startsAt!)}`,
              startsAt: draft.nextMeeting.startsAt,
              endsAt: draft.nextMeeting.endsAt,
              format: draft.nextMeeting.format,
              status: 'planned',
              venue: venue
                ? {
                    room: venue.room,
                    floor: venue.floor,
                    building: venue.building,
                    town: venue.town,
                  }
                : null,
            }),
            'nextMeeting',
          );
          nextMeetingId = next.id;
        }
      }
      const venue = draft.venue;
      const fields = {
        title: `Työryhmän kokous ${DATE_FI(draft.startsAt!)}`,
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        format: draft.format,
        status: startsAt <= new Date() ? ('held' as const) : ('planned' as const),
        remoteTool: draft.remotePlatform,
        venue: venue
          ? { room: venue.room, floor: venue.floor, building: venue.building, town: venue.town }
          : null,
        sourceText,
        nextMeetingId,
        participants: participants
          .filter((p) => p.person)
          .map((p) => ({
            personId: p.person!.id,
            organisationId: p.organisation?.id ?? null,
            roles: p.roles,
            attendance: p.attendance,
          })),
        agenda,
      };
      const meeting = unwrap(
        existing
          ? await meetings.update(actor, { ...fields, id: existing.id, version: existing.version })
          : await meetings.create(actor, { ...fields, groupId: group.id }),
        '',
      );
      const resources = new ResourceService(tx);
      for (const link of links) {
        if (await resources.findByUrl(link.url)) continue;
        const item = meeting.agendaItems.getItems().find((a) => a.number === link.number);
        unwrap(
          await resources.create(actor, {
            url: link.url,
            title: (link.text ?? link.url.replace(/^https?:\/\//, '')).slice(0, 300),
            sourceMeetingId: meeting.id,
            sourceAgendaItemId: item?.id ?? null,
          }),
          'links',
        );
      }
      const groups = new WorkingGroupService(tx);
      const from =
        draft.nextMeeting?.startsAt?.slice(0, 10) ??
        helsinkiDate(new Date(startsAt.getTime() + 86_400_000));
      for (const change of draft.roleChanges) {
        const person = await resolve.person(change.name, null);
        if (!person) continue;
        const current = await tx.count(GroupMembership, {
          group,
          person,
          role: change.role,
          validTo: null,
        });
        if (current) continue;
        unwrap(
          await groups.assignRole(actor, {
            groupId: group.id,
            personId: person.id,
            role: change.role,
            validFrom: from,
          }),
          'roleChanges',
        );
        resolve.notes.push({
          code: 'role_assigned',
          message: `${change.name}: ${change.role} from ${from}`,
        });
      }
      return {
        draft,
        meeting,
        alreadyImported: false,
        created: resolve.created,
        notes: resolve.notes,
        warnings: draft.warnings,
      };
    };
    const result = await runWrite(this.em, work);
    if (!result.ok || !result.value.meeting) return result;
    return {
      ok: true,
      value: {
        ...result.value,
        meeting: await new MeetingService(this.em).get(result.value.meeting.id),
      },
    };
  }

  private async group(
    tx: EntityManager,
    draft: MeetingDraft,
    groupId?: number,
  ): Promise<WorkingGroup> {
    if (groupId) {
      const group = await tx.findOne(WorkingGroup, { id: groupId });
      if (!group)
        throw new InvalidInput([
          fieldError('groupId', 'UNKNOWN_REFERENCE', `No working group with id ${groupId}`),
        ]);
      return group;
    }
    const groups = await tx.find(WorkingGroup, {});
    const named = draft.groupName ?? draft.title;
    const byName = named
      ? groups.find((g) => normaliseName(g.name) === normaliseName(named))
      : undefined;
    if (byName) return byName;
    if (groups.length === 1) return groups[0]!;
    throw new InvalidInput([
      fieldError('groupId', 'REQUIRED', 'Choose the working group the memo belongs to'),
    ]);
  }
}

function unwrap<T>(result: Result<T>, prefix: string): T {
  if (result.ok) return result.value;
  const errors: UserError[] = result.errors.map((e) => ({
    ...e,
    field: [prefix, e.field].filter(Boolean).join('.'),
  }));
  throw new InvalidInput(errors);
}
