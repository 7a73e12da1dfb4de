import { type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { type Actor, requireCurator } from '../../shared/actor.js';
import {
  type CuratedKind,
  archiveAsCurator,
  finishEdit,
  insertCurated,
  loadForEdit,
  refId,
} from '../../shared/curated.service.js';
import { NotFoundError, type Result } from '../../shared/errors.js';
import { validate } from '../../shared/validation.js';
import { optionalRef, requireRef, runWrite } from '../../shared/write.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { WorkingGroup } from '../working-group/working-group.entity.js';
import { ActionItem, AgendaItem, Decision, Meeting, MeetingParticipant } from './meeting.entity.js';
import {
  type MeetingFormat,
  type MeetingStatus,
  type agendaItemInput,
  createMeetingInput,
  type participantInput,
  updateMeetingInput,
  type venueInput,
} from './meeting.schema.js';
import { type Page, pageWindow } from '../../shared/page.js';
import { type z } from 'zod';

export const meetingKind: CuratedKind<Meeting> = {
  entity: Meeting,
  type: 'Meeting',
  snapshot: (m) => ({
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt?.toISOString() ?? null,
    format: m.format,
    status: m.status,
    remoteTool: m.remoteTool,
    remoteUrl: m.remoteUrl ?? null,
    venue: m.venue ? { ...m.venue } : null,
    venueOrganisationId: refId(m.venueOrganisation),
    summary: m.summary,
    nextMeetingId: refId(m.nextMeeting),
    participants: m.participants.isInitialized()
      ? m.participants
          .getItems()
          .map((p) => ({
            personId: p.person.id,
            organisationId: refId(p.organisation),
            roles: p.roles,
            attendance: p.attendance,
          }))
          .sort((a, b) => a.personId - b.personId)
      : undefined,
    agenda: m.agendaItems.isInitialized()
      ? m.agendaItems
          .getItems()
          .sort((a, b) => a.number - b.number)
          .map((a) => ({
            number: a.number,
            title: a.title,
            notes: a.notes,
            decisions: a.decisions.isInitialized()
              ? a.decisions.getItems().map((d) => d.text)
              : undefined,
            actions: a.actions.isInitialized()
              ? a.actions.getItems().map((x) => ({
                  description: x.description,
                  ownerId: refId(x.owner),
                  dueDate: x.dueDate,
                  status: x.status,
                }))
              : undefined,
          }))
      : undefined,
    archivedAt: m.archivedAt?.toISOString() ?? null,
  }),
};

type ParticipantInput = z.output<typeof participantInput>;
type AgendaItemInput = z.output<typeof agendaItemInput>;

/** Adds participants to a meeting, naming a bad reference by its path in the input. */
async function addParticipants(
  tx: EntityManager,
  meeting: Meeting,
  participants: ParticipantInput[],
) {
  for (const [i, p] of participants.entries()) {
    tx.create(MeetingParticipant, {
      meeting,
      person: await requireRef(tx, Person, p.personId, `participants.${i}.personId`, 'person'),
      organisation: await optionalRef(
        tx,
        Organisation,
        p.organisationId,
        `participants.${i}.organisationId`,
        'organisation',
      ),
      roles: [...new Set(p.roles)],
      attendance: p.attendance,
    });
  }
}

/** Adds agenda items with their decisions and actions to a meeting. */
async function addAgenda(tx: EntityManager, meeting: Meeting, agenda: AgendaItemInput[]) {
  for (const [i, item] of agenda.entries()) {
    const agendaItem = tx.create(AgendaItem, {
      meeting,
      number: item.number,
      title: item.title,
      notes: item.notes,
    });
    item.decisions.forEach((text, position) => tx.create(Decision, { agendaItem, position, text }));
    for (const [position, action] of item.actions.entries()) {
      tx.create(ActionItem, {
        agendaItem,
        position,
        description: action.description,
        owner: await optionalRef(
          tx,
          Person,
          action.ownerId,
          `agenda.${i}.actions.${position}.ownerId`,
          'person',
        ),
        dueDate: action.dueDate ?? null,
        status: action.status,
      });
    }
  }
}

type VenueInput = z.output<typeof venueInput>;

function venueOf(venue: VenueInput | null | undefined) {
  return {
    room: venue?.room ?? null,
    floor: venue?.floor ?? null,
    building: venue?.building ?? null,
    street: venue?.street ?? null,
    town: venue?.town ?? null,
  };
}

/** The relations a full meeting page needs, loaded in a fixed number of queries. */
export const MEETING_DETAIL = [
  'group',
  'venueOrganisation',
  'nextMeeting',
  'participants.person',
  'participants.organisation',
  'agendaItems.decisions',
  'agendaItems.actions.owner',
] as const;

export interface MeetingFilter {
  groupId?: number;
  from?: Date;
  to?: Date;
  status?: MeetingStatus;
  format?: MeetingFormat;
  includeArchived?: boolean;
}

export interface MeetingOrder {
  field: 'startsAt' | 'title';
  direction: 'asc' | 'desc';
}

/**
 * Meetings with the given status as `meetingStatusAt` shows it: a planned meeting that is over
 * counts as held.
 */
function statusWhere(status: MeetingStatus, now: Date): FilterQuery<Meeting> {
  const over: FilterQuery<Meeting> = {
    $or: [{ endsAt: { $lte: now } }, { endsAt: null, startsAt: { $lte: now } }],
  };
  const notOver: FilterQuery<Meeting> = {
    $or: [{ endsAt: { $gt: now } }, { endsAt: null, startsAt: { $gt: now } }],
  };
  if (status === 'held') return { $or: [{ status: 'held' }, { status: 'planned', ...over }] };
  if (status === 'planned') return { status: 'planned', ...notOver };
  return { status };
}

/** Meetings of working groups with their participants, agenda, decisions and actions. */
export class MeetingService {
  constructor(private readonly em: EntityManager) {}

  /** Records a meeting with everything in it, all or nothing. */
  async create(actor: Actor, input: unknown): Promise<Result<Meeting>> {
    requireCurator(actor);
    const parsed = validate(createMeetingInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    const result = await runWrite(this.em, async (tx) => {
      const meeting = tx.create(
        Meeting,
        {
          group: await requireRef(tx, WorkingGroup, v.groupId, 'groupId', 'working group'),
          title: v.title,
          startsAt: v.startsAt,
          endsAt: v.endsAt ?? null,
          format: v.format,
          status: v.status,
          remoteTool: v.remoteTool,
          remoteUrl: v.remoteUrl ?? null,
          venue: venueOf(v.venue),
          venueOrganisation: await optionalRef(
            tx,
            Organisation,
            v.venue?.organisationId,
            'venue.organisationId',
            'organisation',
          ),
          summary: v.summary,
          sourceText: v.sourceText,
          nextMeeting: await optionalRef(tx, Meeting, v.nextMeetingId, 'nextMeetingId', 'meeting'),
          version: 1,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
        { persist: false },
      );
      await insertCurated(tx, meetingKind, actor, meeting);
      await addParticipants(tx, meeting, v.participants);
      await addAgenda(tx, meeting, v.agenda);
      return meeting.id;
    });
    return result.ok ? { ok: true, value: await this.get(result.value) } : result;
  }

  /** Changes a meeting's own fields from the version the editor saw. */
  async update(actor: Actor, input: unknown): Promise<Result<Meeting>> {
    requireCurator(actor);
    const parsed = validate(updateMeetingInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    const result = await runWrite(this.em, async (tx) => {
      const { entity, before } = await loadForEdit(tx, meetingKind, v.id, v.version, {
        populate: ['participants', 'agendaItems.decisions', 'agendaItems.actions'],
      });
      if (v.participants !== undefined) {
        for (const participant of entity.participants.getItems()) tx.remove(participant);
        // The old rows go first: a person listed again must not meet their own old row.
        await tx.flush();
        await addParticipants(tx, entity, v.participants);
      }
      if (v.agenda !== undefined) {
        for (const item of entity.agendaItems.getItems()) {
          for (const d of item.decisions.getItems()) tx.remove(d);
          for (const a of item.actions.getItems()) tx.remove(a);
          tx.remove(item);
        }
        await tx.flush();
        await addAgenda(tx, entity, v.agenda);
      }
      if (v.title !== undefined) entity.title = v.title;
      if (v.startsAt !== undefined) entity.startsAt = v.startsAt;
      if (v.endsAt !== undefined) entity.endsAt = v.endsAt;
      if (v.format !== undefined) entity.format = v.format;
      if (v.status !== undefined) entity.status = v.status;
      if (v.remoteTool !== undefined) entity.remoteTool = v.remoteTool;
      if (v.remoteUrl !== undefined) entity.remoteUrl = v.remoteUrl;
      if (v.summary !== undefined) entity.summary = v.summary;
      if (v.sourceText !== undefined) entity.sourceText = v.sourceText;
      if (v.venue !== undefined) {
        entity.venue = venueOf(v.venue);
        entity.venueOrganisation = await optionalRef(
          tx,
          Organisation,
          v.venue?.organisationId,
          'venue.organisationId',
          'organisation',
        );
      }
      if (v.nextMeetingId !== undefined) {
        entity.nextMeeting = await optionalRef(
          tx,
          Meeting,
          v.nextMeetingId,
          'nextMeetingId',
          'meeting',
        );
      }
      await finishEdit(tx, meetingKind, actor, entity, before);
      return entity.id;
    });
    return result.ok ? { ok: true, value: await this.get(result.value) } : result;
  }

  /** Archives a meeting. */
  async archive(actor: Actor, input: { id: number; version: number }): Promise<Result<Meeting>> {
    return archiveAsCurator(this.em, meetingKind, actor, input);
  }

  /** One meeting with participants, agenda, decisions and actions. */
  async get(id: number): Promise<Meeting> {
    const meeting = await this.em.findOne(
      Meeting,
      { id, archivedAt: null },
      { populate: MEETING_DETAIL, refresh: true },
    );
    if (!meeting) throw new NotFoundError('Meeting', id);
    return meeting;
  }

  /** Meetings by start time, newest first. */
  async list(
    filter: MeetingFilter = {},
    page: Page = {},
    order: MeetingOrder = { field: 'startsAt', direction: 'desc' },
  ): Promise<[Meeting[], number]> {
    const where: FilterQuery<Meeting> = {};
    if (!filter.includeArchived) where.archivedAt = null;
    if (filter.groupId) where.group = filter.groupId;
    if (filter.status) Object.assign(where, statusWhere(filter.status, new Date()));
    if (filter.format) where.format = filter.format;
    if (filter.from || filter.to) {
      where.startsAt = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lt: filter.to } : {}),
      };
    }
    return this.em.findAndCount(Meeting, where, {
      orderBy: { [order.field]: order.direction, id: order.direction },
      ...pageWindow(page),
    });
  }
}
