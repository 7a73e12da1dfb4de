/**
 * Memo import: a meeting memo (Markdown, text or .docx, parsed by @ake/memo into a
 * `MeetingDraft`) becomes a meeting with its participants, agenda, decisions, actions, links
 * and next meeting. People and organisations are matched to existing records by normalised name
 * ("Oulun kaupunginkirjasto" written three ways is one organisation; "Kiri, Kärsämäki" is the
 * library of Kärsämäki), and importing the same memo again changes nothing.
 */
import { type EntityManager } from '@mikro-orm/core';
import {
  type MeetingDraft,
  type MemoWarning,
  type PlannedTraining,
  type RoleChange,
  parseMemoText,
} from '@ake/memo';
import { type Actor, requireCurator } from '../../shared/actor.js';
import { type Result, type UserError, fail } from '../../shared/errors.js';
import { helsinkiDate, parseDateTime } from '../../shared/time.js';
import { fieldError, normaliseName, validate } from '../../shared/validation.js';
import { InvalidInput, runWrite } from '../../shared/write.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { normaliseUrl } from '../resource/normalise-url.js';
import { Resource } from '../resource/resource.entity.js';
import { ResourceService } from '../resource/resource.service.js';
import { Training } from '../training/training.entity.js';
import { type TrainingKind } from '../training/training.schema.js';
import { TrainingService } from '../training/training.service.js';
import { GroupMembership, WorkingGroup } from '../working-group/working-group.entity.js';
import { WorkingGroupService } from '../working-group/working-group.service.js';
import { memoSourceInput } from './memo-import.schema.js';

/** What an import note is about; the web app words each from its catalogues. */
export type ImportNoteCode =
  | 'organisation_created'
  | 'person_created'
  | 'already_imported'
  | 'link_existing'
  | 'role_assigned'
  | 'training_existing'
  | 'meeting_days_joined';

/**
 * A note about what the import did or could not do, beside the parser's own warnings: a code
 * and its values (`params`, data), and the same in English (`message`) for the CLI and logs.
 */
export interface ImportNote {
  code: ImportNoteCode;
  params: Record<string, string | number>;
  message: string;
}

/** A record the import links to: an existing one (`id`), or one it creates (`id` null). */
export interface PlannedRef {
  id: number | null;
  name: string;
}

export interface PlannedVenue {
  room: string | null;
  floor: string | null;
  building: string | null;
  town: string | null;
}

/**
 * What an import saves, with names resolved to records exactly as the save does: a dry run
 * returns it as the preview, and the save writes it, so the two cannot disagree.
 */
export interface ImportPlan {
  meeting: {
    /** The planned meeting the memo fills in, or null when a new one is created. */
    id: number | null;
    group: PlannedRef;
    title: string;
    startsAt: string;
    endsAt: string | null;
    format: MeetingDraft['format'];
    status: 'held' | 'planned';
    remoteTool: string | null;
    venue: PlannedVenue | null;
  };
  participants: {
    person: PlannedRef;
    organisation: PlannedRef | null;
    roles: string[];
    attendance: 'present' | 'absent';
  }[];
  agenda: {
    number: number;
    title: string;
    notes: string | null;
    decisions: string[];
    actions: { description: string; owner: PlannedRef | null }[];
  }[];
  links: { url: string; title: string; agendaNumber: number; existing: boolean }[];
  nextMeeting: {
    id: number | null;
    title: string;
    startsAt: string;
    endsAt: string | null;
    format: MeetingDraft['format'];
    venue: PlannedVenue | null;
  } | null;
  /** Trainings the memo plans, saved with status "planned"; `id` is set for known ones. */
  trainings: {
    id: number | null;
    title: string;
    kind: TrainingKind;
    topic: string | null;
    description: string;
    season: 'spring' | 'autumn' | null;
    year: number;
    remoteParticipation: boolean;
    sessions: { startsAt: string | null; endsAt: string | null; town: string | null }[];
  }[];
  roleChanges: { person: PlannedRef; role: RoleChange['role']; validFrom: string }[];
}

export interface MemoImportResult {
  draft: MeetingDraft;
  /** The imported (or already imported) meeting; null for a dry run. */
  meeting: Meeting | null;
  alreadyImported: boolean;
  /** What is (for a dry run: would be) saved; null when the memo was imported already. */
  plan: ImportPlan | null;
  /** What the import created, by kind (what it would create, for a dry run). */
  created: {
    meetings: number;
    people: number;
    organisations: number;
    resources: number;
    trainings: number;
  };
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

function note(code: ImportNoteCode, params: ImportNote['params'], message: string): ImportNote {
  return { code, params, message };
}

const ref = (record: { id: number; name: string } | null, name: string): PlannedRef => ({
  id: record?.id ?? null,
  name: record?.name ?? name,
});

// The parser's kinds of planned activity to the training module's; visits and mentoring are
// not trainings (they have modules of their own) and stay in the draft only.
const TRAINING_KINDS: Partial<Record<PlannedTraining['kind'], TrainingKind>> = {
  training: 'other',
  training_day: 'training_day',
  language_training: 'language',
};
const KIND_TITLES: Record<TrainingKind, string> = {
  customer_service: 'Asiakaspalvelukoulutus',
  language: 'Kielikoulutus',
  training_day: 'Koulutuspäivä',
  other: 'Koulutus',
};
const SEASON_FI = { spring: 'kevät', autumn: 'syksy' } as const;

/** A planned training as the training module stores it, titled from what the memo says. */
function plannedTraining(
  training: PlannedTraining,
  meetingYear: number,
): ImportPlan['trainings'][number] | null {
  let kind = TRAINING_KINDS[training.kind];
  if (!kind) return null;
  if (kind === 'other' && /asiakaspalvel/iu.test(training.text)) kind = 'customer_service';
  const season =
    training.season === 'spring' || training.season === 'autumn' ? training.season : null;
  const year = training.year ?? meetingYear;
  const when = training.date
    ? DATE_FI(training.date)
    : season
      ? `${SEASON_FI[season]} ${year}`
      : String(year);
  const topic = training.topic && kind !== 'language' ? training.topic : null;
  const title = `${KIND_TITLES[kind]}${topic ? `: ${topic}` : ''} (${when})`;
  const session = { startsAt: training.startsAt, endsAt: training.endsAt };
  const sessions = training.places.length
    ? training.places.map((town) => ({ ...session, town }))
    : training.date
      ? [{ ...session, town: null }]
      : [];
  return {
    id: null,
    title: title.slice(0, 300),
    kind,
    topic: training.topic,
    description: training.text,
    season,
    year,
    remoteParticipation: training.remoteOption,
    sessions,
  };
}

/** Resolves names in a draft to records, creating what is missing unless it is a dry run. */
class Resolver {
  readonly notes: ImportNote[] = [];
  readonly created = { meetings: 0, people: 0, organisations: 0, resources: 0, trainings: 0 };
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
      this.notes.push(note('organisation_created', { name }, `New organisation: ${name}`));
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
      this.notes.push(note('person_created', { name }, `New person: ${name}`));
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
   * A dry run resolves every name the same way and returns the {@link ImportPlan} it would save.
   */
  async importDraft(
    actor: Actor,
    draft: MeetingDraft,
    sourceText: string | null,
    options: MemoImportOptions = {},
  ): Promise<Result<MemoImportResult>> {
    requireCurator(actor);
    const source = validate(memoSourceInput, { text: sourceText, fileName: options.fileName });
    if (!source.ok) return source;
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
          plan: null,
          created: { meetings: 0, people: 0, organisations: 0, resources: 0, trainings: 0 },
          notes: [
            note(
              'already_imported',
              { title: existing.title },
              `Already imported as "${existing.title}"`,
            ),
          ],
          warnings: draft.warnings,
        };
      }
      const resolve = new Resolver(tx, dryRun);
      const plan = await this.plan(tx, resolve, draft, group, existing, startsAt);
      if (dryRun) {
        return {
          draft,
          meeting: null,
          alreadyImported: false,
          plan,
          created: resolve.created,
          notes: resolve.notes,
          warnings: draft.warnings,
        };
      }
      const meeting = await this.save(tx, actor, plan, group, existing, sourceText, resolve.notes);
      return {
        draft,
        meeting,
        alreadyImported: false,
        plan,
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

  /**
   * Resolves the draft's names to records (creating missing people and organisations unless
   * the resolver is a dry run's) and lays out everything the import saves.
   */
  private async plan(
    tx: EntityManager,
    resolve: Resolver,
    draft: MeetingDraft,
    group: WorkingGroup,
    existing: Meeting | null,
    startsAt: Date,
  ): Promise<ImportPlan> {
    const participants: ImportPlan['participants'] = [];
    const people = [
      ...draft.participants.map((p) => ({ ...p, attendance: 'present' as const })),
      ...draft.absent.map((a) => ({ ...a, roles: [], attendance: 'absent' as const })),
    ];
    for (const p of people) {
      const organisation = await resolve.organisation(p.organisation, p.place);
      const person = await resolve.person(p.name, organisation);
      const writtenOrganisation = p.organisation ?? p.place;
      participants.push({
        person: ref(person, p.name),
        organisation:
          organisation || writtenOrganisation ? ref(organisation, writtenOrganisation ?? '') : null,
        roles: p.roles.length ? p.roles : ['member'],
        attendance: p.attendance,
      });
    }
    const agenda: ImportPlan['agenda'] = [];
    for (const item of draft.agenda) {
      const actions = [];
      for (const action of item.actions) {
        const owner = action.owner ? await resolve.person(action.owner, null) : null;
        actions.push({
          description: action.text,
          owner: action.owner ? ref(owner, action.owner) : null,
        });
      }
      agenda.push({
        number: item.number,
        title: item.title,
        notes: item.notes.join('\n\n') || null,
        decisions: item.decisions,
        actions,
      });
    }
    const found = draft.agenda.flatMap((item) =>
      item.links.map((link) => ({ ...link, number: item.number })),
    );
    for (const link of draft.links) {
      if (!found.some((l) => normaliseUrl(l.url) === normaliseUrl(link.url)))
        found.push({ ...link, number: 0 });
    }
    const links: ImportPlan['links'] = [];
    for (const link of found) {
      const known = normaliseUrl(link.url)
        ? await tx.findOne(Resource, { normalizedUrl: normaliseUrl(link.url)! })
        : null;
      if (known) {
        resolve.notes.push(
          note('link_existing', { title: known.title }, `Link already saved: ${known.title}`),
        );
      } else resolve.created.resources++;
      links.push({
        url: link.url,
        title: (link.text ?? link.url.replace(/^https?:\/\//, '')).slice(0, 300),
        agendaNumber: link.number,
        existing: known !== null,
      });
    }
    const nextStart = draft.nextMeeting?.startsAt
      ? parseDateTime(draft.nextMeeting.startsAt)
      : null;
    const nextKnown = nextStart
      ? await tx.findOne(Meeting, { group, startsAt: nextStart, archivedAt: null })
      : null;
    resolve.created.meetings += (existing ? 0 : 1) + (nextStart && !nextKnown ? 1 : 0);
    if (draft.sessions.length > 1) {
      resolve.notes.push(
        note(
          'meeting_days_joined',
          { days: draft.sessions.length },
          `The meeting runs over ${draft.sessions.length} days; it is saved as one meeting from the first day's start to the last day's end.`,
        ),
      );
    }

    const meetingYear = Number(draft.startsAt!.slice(0, 4));
    const trainings: ImportPlan['trainings'] = [];
    for (const planned of draft.plannedTrainings) {
      const training = plannedTraining(planned, meetingYear);
      if (!training || trainings.some((t) => t.title === training.title)) continue;
      const known = await tx.findOne(Training, {
        title: training.title,
        year: training.year,
        archivedAt: null,
      });
      if (known) {
        training.id = known.id;
        resolve.notes.push(
          note(
            'training_existing',
            { title: known.title },
            `Training already saved: ${known.title}`,
          ),
        );
      } else resolve.created.trainings++;
      trainings.push(training);
    }

    const validFrom =
      draft.nextMeeting?.startsAt?.slice(0, 10) ??
      helsinkiDate(new Date(startsAt.getTime() + 86_400_000));
    const roleChanges: ImportPlan['roleChanges'] = [];
    for (const change of draft.roleChanges) {
      const person = await resolve.person(change.name, null);
      roleChanges.push({ person: ref(person, change.name), role: change.role, validFrom });
    }

    const venueOf = (venue: MeetingDraft['venue']): PlannedVenue | null =>
      venue
        ? { room: venue.room, floor: venue.floor, building: venue.building, town: venue.town }
        : null;
    const next = draft.nextMeeting;
    return {
      meeting: {
        id: existing?.id ?? null,
        group: { id: group.id, name: group.name },
        title: `Työryhmän kokous ${DATE_FI(draft.startsAt!)}`,
        startsAt: draft.startsAt!,
        endsAt: draft.endsAt,
        format: draft.format,
        status: startsAt <= new Date() ? 'held' : 'planned',
        remoteTool: draft.remotePlatform,
        venue: venueOf(draft.venue),
      },
      participants,
      agenda,
      links,
      nextMeeting:
        next?.startsAt && nextStart
          ? {
              id: nextKnown?.id ?? null,
              title: nextKnown?.title ?? `Työryhmän kokous ${DATE_FI(next.startsAt)}`,
              startsAt: next.startsAt,
              endsAt: next.endsAt,
              format: next.format,
              venue: venueOf(next.place),
            }
          : null,
      trainings,
      roleChanges,
    };
  }

  /** Writes a plan whose people and organisations exist (a resolver that is not a dry run's). */
  private async save(
    tx: EntityManager,
    actor: Actor,
    plan: ImportPlan,
    group: WorkingGroup,
    existing: Meeting | null,
    sourceText: string | null,
    notes: ImportNote[],
  ): Promise<Meeting> {
    const meetings = new MeetingService(tx);
    let nextMeetingId: number | null = null;
    if (plan.nextMeeting) {
      nextMeetingId =
        plan.nextMeeting.id ??
        unwrap(
          await meetings.create(actor, {
            groupId: group.id,
            title: plan.nextMeeting.title,
            startsAt: plan.nextMeeting.startsAt,
            endsAt: plan.nextMeeting.endsAt,
            format: plan.nextMeeting.format,
            status: 'planned',
            venue: plan.nextMeeting.venue,
          }),
          'nextMeeting',
        ).id;
    }
    const fields = {
      title: plan.meeting.title,
      startsAt: plan.meeting.startsAt,
      endsAt: plan.meeting.endsAt,
      format: plan.meeting.format,
      status: plan.meeting.status,
      remoteTool: plan.meeting.remoteTool,
      venue: plan.meeting.venue,
      sourceText,
      nextMeetingId,
      participants: plan.participants
        .filter((p) => p.person.id !== null)
        .map((p) => ({
          personId: p.person.id!,
          organisationId: p.organisation?.id ?? null,
          roles: p.roles,
          attendance: p.attendance,
        })),
      agenda: plan.agenda.map((item) => ({
        number: item.number,
        title: item.title,
        notes: item.notes,
        decisions: item.decisions,
        actions: item.actions.map((a) => ({
          description: a.description,
          ownerId: a.owner?.id ?? null,
        })),
      })),
    };
    const meeting = unwrap(
      existing
        ? await meetings.update(actor, { ...fields, id: existing.id, version: existing.version })
        : await meetings.create(actor, { ...fields, groupId: group.id }),
      '',
    );
    const resources = new ResourceService(tx);
    for (const link of plan.links) {
      if (link.existing || (await resources.findByUrl(link.url))) continue;
      const item = meeting.agendaItems.getItems().find((a) => a.number === link.agendaNumber);
      unwrap(
        await resources.create(actor, {
          url: link.url,
          title: link.title,
          sourceMeetingId: meeting.id,
          sourceAgendaItemId: item?.id ?? null,
        }),
        'links',
      );
    }
    const trainings = new TrainingService(tx);
    for (const [i, training] of plan.trainings.entries()) {
      if (training.id !== null) continue;
      const { id: _id, sessions, ...fields } = training;
      const created = unwrap(
        await trainings.create(actor, {
          ...fields,
          status: 'planned',
          sourceMeetingId: meeting.id,
          sessions: sessions.map((s) => ({
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            venue: s.town ? { town: s.town } : null,
          })),
        }),
        `trainings.${i}`,
      );
      training.id = created.id;
    }
    const groups = new WorkingGroupService(tx);
    for (const change of plan.roleChanges) {
      if (change.person.id === null) continue;
      const current = await tx.count(GroupMembership, {
        group,
        person: change.person.id,
        role: change.role,
        validTo: null,
      });
      if (current) continue;
      unwrap(
        await groups.assignRole(actor, {
          groupId: group.id,
          personId: change.person.id,
          role: change.role,
          validFrom: change.validFrom,
        }),
        'roleChanges',
      );
      const { name } = change.person;
      notes.push(
        note(
          'role_assigned',
          { name, role: change.role, from: change.validFrom },
          `${name}: ${change.role} from ${change.validFrom}`,
        ),
      );
    }
    return meeting;
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
