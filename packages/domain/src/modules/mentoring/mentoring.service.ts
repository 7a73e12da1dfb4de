import { type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { MAX_PAGE_SIZE, type Page, pageWindow } from '../../shared/page.js';
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
import { fieldError, validate } from '../../shared/validation.js';
import { InvalidInput, optionalRef, requireRef, runWrite } from '../../shared/write.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { MentoringPair, MentoringProgramme, WorkVisit } from './mentoring.entity.js';
import {
  createProgrammeInput,
  createWorkVisitInput,
  mentoringPairInput,
  updateProgrammeInput,
  updateWorkVisitInput,
} from './mentoring.schema.js';

export const programmeKind: CuratedKind<MentoringProgramme> = {
  entity: MentoringProgramme,
  type: 'MentoringProgramme',
  snapshot: (m) => ({
    name: m.name,
    kind: m.kind,
    description: m.description,
    url: m.url,
    organiserId: refId(m.organiser),
    contactId: refId(m.contact),
    startYear: m.startYear,
    endYear: m.endYear,
    reportedDays: m.reportedDays,
    reportedLibraries: m.reportedLibraries,
    reportedBookmobiles: m.reportedBookmobiles,
    sourceMeetingId: refId(m.sourceMeeting),
    archivedAt: m.archivedAt?.toISOString() ?? null,
  }),
};

export const workVisitKind: CuratedKind<WorkVisit> = {
  entity: WorkVisit,
  type: 'WorkVisit',
  snapshot: (w) => ({
    programmeId: refId(w.programme),
    visitorId: refId(w.visitor),
    visitorOrganisationId: refId(w.visitorOrganisation),
    hostId: refId(w.host),
    startDate: w.startDate,
    endDate: w.endDate,
    days: w.days,
    goals: w.goals,
    lessons: w.lessons,
    archivedAt: w.archivedAt?.toISOString() ?? null,
  }),
};

/** How far a programme reached: computed from its recorded visits. */
export interface Coverage {
  visits: number;
  days: number;
  libraries: number;
  bookmobiles: number;
}

/** Sums visits into coverage: days, and distinct host libraries and bookmobiles. */
export function coverageOf(visits: readonly WorkVisit[]): Coverage {
  const libraries = new Set<number>();
  const bookmobiles = new Set<number>();
  let days = 0;
  for (const visit of visits) {
    days += visit.days;
    if (visit.host.kind === 'bookmobile') bookmobiles.add(visit.host.id);
    else if (visit.host.kind === 'library' || visit.host.kind === 'branch_library') {
      libraries.add(visit.host.id);
    }
  }
  return { visits: visits.length, days, libraries: libraries.size, bookmobiles: bookmobiles.size };
}

const HOST_KINDS = new Set(['library', 'branch_library', 'bookmobile']);

/** Mentoring and work-visit programmes, their visits and pairs, and what they covered. */
export class MentoringService {
  constructor(private readonly em: EntityManager) {}

  /** Starts a programme. */
  async createProgramme(actor: Actor, input: unknown): Promise<Result<MentoringProgramme>> {
    requireCurator(actor);
    const parsed = validate(createProgrammeInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) =>
      insertCurated(
        tx,
        programmeKind,
        actor,
        tx.create(
          MentoringProgramme,
          {
            name: v.name,
            kind: v.kind,
            description: v.description,
            url: v.url,
            organiser: await optionalRef(
              tx,
              Organisation,
              v.organiserId,
              'organiserId',
              'organisation',
            ),
            contact: await optionalRef(tx, Person, v.contactId, 'contactId', 'person'),
            startYear: v.startYear ?? null,
            endYear: v.endYear ?? null,
            reportedDays: v.reportedDays ?? null,
            reportedLibraries: v.reportedLibraries ?? null,
            reportedBookmobiles: v.reportedBookmobiles ?? null,
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
        ),
      ),
    );
  }

  /** Changes a programme from the version the editor saw. */
  async updateProgramme(actor: Actor, input: unknown): Promise<Result<MentoringProgramme>> {
    requireCurator(actor);
    const parsed = validate(updateProgrammeInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const { entity, before } = await loadForEdit(tx, programmeKind, v.id, v.version);
      if (v.name !== undefined) entity.name = v.name;
      if (v.kind !== undefined) entity.kind = v.kind;
      if (v.description !== undefined) entity.description = v.description;
      if (v.url !== undefined) entity.url = v.url;
      if (v.startYear !== undefined) entity.startYear = v.startYear ?? null;
      if (v.endYear !== undefined) entity.endYear = v.endYear ?? null;
      if (v.reportedDays !== undefined) entity.reportedDays = v.reportedDays ?? null;
      if (v.reportedLibraries !== undefined) entity.reportedLibraries = v.reportedLibraries ?? null;
      if (v.reportedBookmobiles !== undefined)
        entity.reportedBookmobiles = v.reportedBookmobiles ?? null;
      if (v.organiserId !== undefined) {
        entity.organiser = await optionalRef(
          tx,
          Organisation,
          v.organiserId,
          'organiserId',
          'organisation',
        );
      }
      if (v.contactId !== undefined)
        entity.contact = await optionalRef(tx, Person, v.contactId, 'contactId', 'person');
      if (v.sourceMeetingId !== undefined) {
        entity.sourceMeeting = await optionalRef(
          tx,
          Meeting,
          v.sourceMeetingId,
          'sourceMeetingId',
          'meeting',
        );
      }
      return finishEdit(tx, programmeKind, actor, entity, before);
    });
  }

  /** Archives a programme. */
  async archiveProgramme(actor: Actor, input: { id: number; version: number }) {
    return archiveAsCurator(this.em, programmeKind, actor, input);
  }

  /** Records a work visit; the host must be a library or a bookmobile. */
  async createVisit(actor: Actor, input: unknown): Promise<Result<WorkVisit>> {
    requireCurator(actor);
    const parsed = validate(createWorkVisitInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const host = await requireRef(tx, Organisation, v.hostId, 'hostId', 'organisation');
      if (!HOST_KINDS.has(host.kind)) {
        throw new InvalidInput([
          fieldError('hostId', 'INVALID', `${host.name} is not a library or a bookmobile`),
        ]);
      }
      const visit = tx.create(
        WorkVisit,
        {
          programme: await optionalRef(
            tx,
            MentoringProgramme,
            v.programmeId,
            'programmeId',
            'programme',
          ),
          visitor: await optionalRef(tx, Person, v.visitorId, 'visitorId', 'person'),
          visitorOrganisation: await optionalRef(
            tx,
            Organisation,
            v.visitorOrganisationId,
            'visitorOrganisationId',
            'organisation',
          ),
          host,
          startDate: v.startDate,
          endDate: v.endDate ?? null,
          days: v.days,
          goals: v.goals,
          lessons: v.lessons,
          version: 1,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
        { persist: false },
      );
      return insertCurated(tx, workVisitKind, actor, visit);
    });
  }

  /** Changes a work visit from the version the editor saw. */
  async updateVisit(actor: Actor, input: unknown): Promise<Result<WorkVisit>> {
    requireCurator(actor);
    const parsed = validate(updateWorkVisitInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const { entity, before } = await loadForEdit(tx, workVisitKind, v.id, v.version);
      if (v.hostId !== undefined) {
        const host = await requireRef(tx, Organisation, v.hostId, 'hostId', 'organisation');
        if (!HOST_KINDS.has(host.kind)) {
          throw new InvalidInput([
            fieldError('hostId', 'INVALID', `${host.name} is not a library or a bookmobile`),
          ]);
        }
        entity.host = host;
      }
      if (v.programmeId !== undefined) {
        entity.programme = await optionalRef(
          tx,
          MentoringProgramme,
          v.programmeId,
          'programmeId',
          'programme',
        );
      }
      if (v.visitorId !== undefined)
        entity.visitor = await optionalRef(tx, Person, v.visitorId, 'visitorId', 'person');
      if (v.visitorOrganisationId !== undefined) {
        entity.visitorOrganisation = await optionalRef(
          tx,
          Organisation,
          v.visitorOrganisationId,
          'visitorOrganisationId',
          'organisation',
        );
      }
      if (v.startDate !== undefined) entity.startDate = v.startDate;
      if (v.endDate !== undefined) entity.endDate = v.endDate ?? null;
      if (v.days !== undefined) entity.days = v.days;
      if (v.goals !== undefined) entity.goals = v.goals;
      if (v.lessons !== undefined) entity.lessons = v.lessons;
      if (entity.endDate && entity.endDate < entity.startDate) {
        throw new InvalidInput([
          fieldError('endDate', 'INVALID_DATE', 'Must not be before the start date'),
        ]);
      }
      return finishEdit(tx, workVisitKind, actor, entity, before);
    });
  }

  /** Archives a work visit. */
  async archiveVisit(actor: Actor, input: { id: number; version: number }) {
    return archiveAsCurator(this.em, workVisitKind, actor, input);
  }

  /** Pairs a mentor with a mentee in a programme. */
  async addPair(actor: Actor, input: unknown): Promise<Result<MentoringPair>> {
    requireCurator(actor);
    const parsed = validate(mentoringPairInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) =>
      tx.create(MentoringPair, {
        programme: await requireRef(
          tx,
          MentoringProgramme,
          v.programmeId,
          'programmeId',
          'programme',
        ),
        mentor: await requireRef(tx, Person, v.mentorId, 'mentorId', 'person'),
        mentee: await requireRef(tx, Person, v.menteeId, 'menteeId', 'person'),
        startDate: v.startDate,
        endDate: v.endDate ?? null,
        goals: v.goals,
        createdAt: new Date(),
      }),
    );
  }

  /** One programme. */
  async getProgramme(id: number): Promise<MentoringProgramme> {
    const programme = await this.em.findOne(
      MentoringProgramme,
      { id, archivedAt: null },
      { populate: ['organiser', 'contact', 'pairs.mentor', 'pairs.mentee'] },
    );
    if (!programme) throw new NotFoundError('MentoringProgramme', id);
    return programme;
  }

  /** Programmes by name. */
  async listProgrammes(page: Page = { limit: MAX_PAGE_SIZE }): Promise<MentoringProgramme[]> {
    return (await this.pageProgrammes(page))[0];
  }

  /** A page of programmes by name, with the total count. */
  async pageProgrammes(page: Page = {}): Promise<[MentoringProgramme[], number]> {
    return this.em.findAndCount(
      MentoringProgramme,
      { archivedAt: null },
      { orderBy: { name: 'asc', id: 'asc' }, ...pageWindow(page) },
    );
  }

  /** Work visits, newest first, by programme, host or period. */
  async listVisits(
    filter: { programmeId?: number; hostId?: number; from?: string; to?: string } = {},
    page: Page = {},
  ): Promise<[WorkVisit[], number]> {
    const where: FilterQuery<WorkVisit> = { archivedAt: null };
    if (filter.programmeId) where.programme = filter.programmeId;
    if (filter.hostId) where.host = filter.hostId;
    if (filter.from || filter.to) {
      where.startDate = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lte: filter.to } : {}),
      };
    }
    return this.em.findAndCount(WorkVisit, where, {
      orderBy: { startDate: 'desc', id: 'desc' },
      ...pageWindow(page),
    });
  }

  /** A programme's visits, oldest first. */
  async visits(programmeId: number): Promise<WorkVisit[]> {
    return this.em.find(
      WorkVisit,
      { programme: programmeId, archivedAt: null },
      { populate: ['host', 'visitor'], orderBy: { startDate: 'asc', id: 'asc' } },
    );
  }

  /** Days, libraries and bookmobiles covered by a programme's recorded visits. */
  async coverage(programmeId: number): Promise<Coverage> {
    return coverageOf(await this.visits(programmeId));
  }
}
