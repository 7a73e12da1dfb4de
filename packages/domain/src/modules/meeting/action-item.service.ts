/**
 * Action items (tehtävät) across meetings: the list that keeps them from getting lost, and the
 * one change made outside the meeting editor, setting where an action stands. An action belongs
 * to its meeting, so that change is an edit of the meeting (a new version and a revision).
 */
import { type EntityManager, type FilterQuery, QueryOrder } from '@mikro-orm/core';
import { type Actor, requireCurator } from '../../shared/actor.js';
import { finishEdit, loadForEdit } from '../../shared/curated.service.js';
import { type Result, ok } from '../../shared/errors.js';
import { type Page, pageWindow } from '../../shared/page.js';
import { helsinkiDate } from '../../shared/time.js';
import { fieldError, validate } from '../../shared/validation.js';
import { InvalidInput, runWrite } from '../../shared/write.js';
import { sqlExecutor } from '../search/sql-executor.js';
import { ActionItem, Meeting } from './meeting.entity.js';
import {
  type ActionStatus,
  OPEN_ACTION_STATUSES,
  setActionItemStatusInput,
} from './meeting.schema.js';
import { meetingKind } from './meeting.service.js';

export interface ActionItemFilter {
  /** Only these statuses (all when absent or empty). */
  statuses?: readonly ActionStatus[];
  /** Only this person's actions. */
  ownerId?: number;
  /**
   * Only actions whose owner is of this organisation: their home organisation, or the one they
   * represented at the meeting the action was agreed at.
   */
  organisationId?: number;
  /** Only actions due before this date (`YYYY-MM-DD`, exclusive). */
  dueBefore?: string;
  /** Only open or in-progress actions whose due date has passed (Helsinki date of `now`). */
  overdue?: boolean;
  /** Only actions of this working group's meetings. */
  groupId?: number;
  /** Only actions of meetings that start before this instant. */
  meetingBefore?: Date;
  /** The date "today" is, for `overdue` (default: now). */
  now?: Date;
}

/** The relations an action list shows: its meeting, agenda item and owner. */
const ACTION_LIST = ['agendaItem.meeting', 'owner'] as const;

/** Action items of meetings, and their status. */
export class ActionItemService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Action items of meetings that are not archived, by due date (undated last), then by the
   * meeting's start and their place on its agenda.
   */
  async list(filter: ActionItemFilter = {}, page: Page = {}): Promise<[ActionItem[], number]> {
    const where: FilterQuery<ActionItem> & Record<string, unknown> = {
      agendaItem: {
        meeting: {
          archivedAt: null,
          ...(filter.groupId ? { group: filter.groupId } : {}),
          ...(filter.meetingBefore ? { startsAt: { $lt: filter.meetingBefore } } : {}),
        },
      },
    };
    const and: FilterQuery<ActionItem>[] = [];
    if (filter.statuses?.length) and.push({ status: { $in: [...filter.statuses] } });
    if (filter.ownerId) and.push({ owner: filter.ownerId });
    if (filter.dueBefore) and.push({ dueDate: { $lt: filter.dueBefore } });
    if (filter.overdue) {
      and.push({
        status: { $in: [...OPEN_ACTION_STATUSES] },
        dueDate: { $ne: null, $lt: helsinkiDate(filter.now ?? new Date()) },
      });
    }
    if (filter.organisationId) {
      and.push({
        $or: [
          { owner: { organisation: filter.organisationId } },
          { id: { $in: await this.idsOwnedAtMeetingFor(filter.organisationId) } },
        ],
      });
    }
    if (and.length) where.$and = and;
    return this.em.findAndCount(ActionItem, where, {
      populate: ACTION_LIST,
      orderBy: [
        { dueDate: QueryOrder.ASC_NULLS_LAST },
        { agendaItem: { meeting: { startsAt: QueryOrder.ASC } } },
        { agendaItem: { number: QueryOrder.ASC } },
        { position: QueryOrder.ASC },
        { id: QueryOrder.ASC },
      ],
      ...pageWindow(page),
    });
  }

  /** Ids of actions whose owner represented the organisation at the action's meeting. */
  private async idsOwnedAtMeetingFor(organisationId: number): Promise<number[]> {
    const rows = await sqlExecutor(this.em).all<{ id: number | string }>(
      `select x.id from action_item x
       join agenda_item a on a.id = x.agenda_item_id
       join meeting_participant p on p.meeting_id = a.meeting_id and p.person_id = x.owner_id
       where p.organisation_id = ?`,
      [organisationId],
    );
    return rows.map((row) => Number(row.id));
  }

  /**
   * The open and in-progress actions of the same group's earlier meetings: what a meeting's
   * page shows as still to do, and what its agenda can carry over.
   */
  async openBefore(meeting: { id: number; startsAt: Date; group: { id: number } }) {
    const [items] = await this.list(
      {
        statuses: OPEN_ACTION_STATUSES,
        groupId: meeting.group.id,
        meetingBefore: meeting.startsAt,
      },
      { limit: 100 },
    );
    return items.filter((item) => item.agendaItem.meeting.id !== meeting.id);
  }

  /** One action item with its meeting and owner, or null. */
  async get(id: number): Promise<ActionItem | null> {
    return this.em.findOne(
      ActionItem,
      { id, agendaItem: { meeting: { archivedAt: null } } },
      { populate: ACTION_LIST, refresh: true },
    );
  }

  /**
   * Sets where an action stands (e.g. done). Recorded as an edit of its meeting, with a new
   * version and a revision; an action that no longer exists (its meeting was archived, or its
   * agenda rewritten) is an UNKNOWN_REFERENCE error on `id`.
   */
  async setStatus(actor: Actor, input: unknown): Promise<Result<ActionItem>> {
    requireCurator(actor);
    const parsed = validate(setActionItemStatusInput, input);
    if (!parsed.ok) return parsed;
    const { id, status } = parsed.value;
    const gone = () =>
      new InvalidInput([fieldError('id', 'UNKNOWN_REFERENCE', `No action item with id ${id}`)]);
    const result = await runWrite(this.em, async (tx) => {
      const found = await tx.findOne(
        ActionItem,
        { id, agendaItem: { meeting: { archivedAt: null } } },
        { populate: ['agendaItem'] },
      );
      if (!found) throw gone();
      const meetingId = found.agendaItem.meeting.id;
      const current = await tx.findOneOrFail(Meeting, { id: meetingId });
      const { entity, before } = await loadForEdit(tx, meetingKind, meetingId, current.version, {
        populate: ['participants', 'agendaItems.decisions', 'agendaItems.actions'],
      });
      const action = entity.agendaItems
        .getItems()
        .flatMap((item) => item.actions.getItems())
        .find((item) => item.id === id);
      if (!action) throw gone();
      action.status = status;
      await finishEdit(tx, meetingKind, actor, entity, before);
      return id;
    });
    if (!result.ok) return result;
    const saved = await this.get(result.value);
    if (!saved) throw new Error(`Action item ${result.value} vanished after saving`);
    return ok(saved);
  }
}
