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
import { optionalRef, runWrite } from '../../shared/write.js';
import { type Page, pageWindow } from '../../shared/page.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { ProgrammeItem, Training, TrainingSession } from './training.entity.js';
import {
  type Season,
  type TrainingKind,
  type TrainingStatus,
  createTrainingInput,
  updateTrainingInput,
} from './training.schema.js';

export const trainingKind: CuratedKind<Training> = {
  entity: Training,
  type: 'Training',
  snapshot: (t) => ({
    title: t.title,
    topic: t.topic,
    description: t.description,
    kind: t.kind,
    season: t.season,
    year: t.year,
    status: t.status,
    remoteParticipation: t.remoteParticipation,
    trainerId: refId(t.trainer),
    trainerNote: t.trainerNote,
    organiserId: refId(t.organiser),
    coordinatorId: refId(t.coordinator),
    partnerId: refId(t.partner),
    sourceMeetingId: refId(t.sourceMeeting),
    archivedAt: t.archivedAt?.toISOString() ?? null,
  }),
};

export const TRAINING_DETAIL = [
  'trainer',
  'organiser',
  'coordinator',
  'partner',
  'sourceMeeting',
  'sessions.venueOrganisation',
  'programme.presenter',
] as const;

export interface TrainingFilter {
  year?: number;
  season?: Season;
  status?: TrainingStatus;
  kind?: TrainingKind;
  includeArchived?: boolean;
}

/** Trainings the group plans and holds, with sessions in several towns and a day programme. */
export class TrainingService {
  constructor(private readonly em: EntityManager) {}

  /** Plans a training with its sessions and programme, all or nothing. */
  async create(actor: Actor, input: unknown): Promise<Result<Training>> {
    requireCurator(actor);
    const parsed = validate(createTrainingInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    const result = await runWrite(this.em, async (tx) => {
      const training = tx.create(
        Training,
        {
          title: v.title,
          topic: v.topic,
          description: v.description,
          kind: v.kind,
          season: v.season ?? null,
          year: v.year,
          status: v.status,
          remoteParticipation: v.remoteParticipation,
          trainer: await optionalRef(tx, Person, v.trainerId, 'trainerId', 'person'),
          trainerNote: v.trainerNote,
          organiser: await optionalRef(
            tx,
            Organisation,
            v.organiserId,
            'organiserId',
            'organisation',
          ),
          coordinator: await optionalRef(tx, Person, v.coordinatorId, 'coordinatorId', 'person'),
          partner: await optionalRef(tx, Organisation, v.partnerId, 'partnerId', 'organisation'),
          sourceMeeting: await optionalRef(
            tx,
            Meeting,
            v.sourceMeetingId,
            'sourceMeetingId',
            'meeting',
          ),
          version: 1,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
        { persist: false },
      );
      await insertCurated(tx, trainingKind, actor, training);
      for (const [position, s] of v.sessions.entries()) {
        tx.create(TrainingSession, {
          training,
          position,
          startsAt: s.startsAt ?? null,
          endsAt: s.endsAt ?? null,
          venue: {
            room: s.venue?.room ?? null,
            floor: s.venue?.floor ?? null,
            building: s.venue?.building ?? null,
            street: s.venue?.street ?? null,
            town: s.venue?.town ?? null,
          },
          venueOrganisation: await optionalRef(
            tx,
            Organisation,
            s.venue?.organisationId,
            `sessions.${position}.venue.organisationId`,
            'organisation',
          ),
          alternativeGroup: s.alternativeGroup ?? null,
          remote: s.remote,
        });
      }
      for (const [position, item] of v.programme.entries()) {
        tx.create(ProgrammeItem, {
          training,
          position,
          title: item.title,
          description: item.description,
          presenter: await optionalRef(
            tx,
            Person,
            item.presenterId,
            `programme.${position}.presenterId`,
            'person',
          ),
          startsAt: item.startsAt ?? null,
          endsAt: item.endsAt ?? null,
        });
      }
      return training.id;
    });
    return result.ok ? { ok: true, value: await this.get(result.value) } : result;
  }

  /** Changes a training's own fields (status, trainer, …) from the version the editor saw. */
  async update(actor: Actor, input: unknown): Promise<Result<Training>> {
    requireCurator(actor);
    const parsed = validate(updateTrainingInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    const result = await runWrite(this.em, async (tx) => {
      const { entity, before } = await loadForEdit(tx, trainingKind, v.id, v.version);
      if (v.title !== undefined) entity.title = v.title;
      if (v.topic !== undefined) entity.topic = v.topic;
      if (v.description !== undefined) entity.description = v.description;
      if (v.kind !== undefined) entity.kind = v.kind;
      if (v.season !== undefined) entity.season = v.season ?? null;
      if (v.year !== undefined) entity.year = v.year;
      if (v.status !== undefined) entity.status = v.status;
      if (v.remoteParticipation !== undefined) entity.remoteParticipation = v.remoteParticipation;
      if (v.trainerNote !== undefined) entity.trainerNote = v.trainerNote;
      if (v.trainerId !== undefined)
        entity.trainer = await optionalRef(tx, Person, v.trainerId, 'trainerId', 'person');
      if (v.organiserId !== undefined) {
        entity.organiser = await optionalRef(
          tx,
          Organisation,
          v.organiserId,
          'organiserId',
          'organisation',
        );
      }
      if (v.coordinatorId !== undefined) {
        entity.coordinator = await optionalRef(
          tx,
          Person,
          v.coordinatorId,
          'coordinatorId',
          'person',
        );
      }
      if (v.partnerId !== undefined) {
        entity.partner = await optionalRef(
          tx,
          Organisation,
          v.partnerId,
          'partnerId',
          'organisation',
        );
      }
      if (v.sourceMeetingId !== undefined) {
        entity.sourceMeeting = await optionalRef(
          tx,
          Meeting,
          v.sourceMeetingId,
          'sourceMeetingId',
          'meeting',
        );
      }
      await finishEdit(tx, trainingKind, actor, entity, before);
      return entity.id;
    });
    return result.ok ? { ok: true, value: await this.get(result.value) } : result;
  }

  /** Archives a training. */
  async archive(actor: Actor, input: { id: number; version: number }): Promise<Result<Training>> {
    return archiveAsCurator(this.em, trainingKind, actor, input);
  }

  /** One training with its sessions, programme and people. */
  async get(id: number): Promise<Training> {
    const training = await this.em.findOne(
      Training,
      { id, archivedAt: null },
      { populate: TRAINING_DETAIL, refresh: true },
    );
    if (!training) throw new NotFoundError('Training', id);
    return training;
  }

  /** Trainings by year and season, newest first. */
  async list(filter: TrainingFilter = {}, page: Page = {}): Promise<[Training[], number]> {
    const where: FilterQuery<Training> = {};
    if (!filter.includeArchived) where.archivedAt = null;
    if (filter.year) where.year = filter.year;
    if (filter.season) where.season = filter.season;
    if (filter.status) where.status = filter.status;
    if (filter.kind) where.kind = filter.kind;
    return this.em.findAndCount(Training, where, {
      orderBy: { year: 'desc', season: 'desc', id: 'desc' },
      ...pageWindow(page),
    });
  }
}
