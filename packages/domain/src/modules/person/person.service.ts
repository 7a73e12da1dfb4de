import { type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { containsPattern, type Page, pageWindow } from '../../shared/page.js';
import { type Actor, requireAdmin, requireCurator } from '../../shared/actor.js';
import {
  type CuratedKind,
  finishEdit,
  insertCurated,
  loadForEdit,
  refId,
} from '../../shared/curated.service.js';
import { NotFoundError, type Result } from '../../shared/errors.js';
import { fieldError, normaliseName, validate } from '../../shared/validation.js';
import { InvalidInput, optionalRef, runWrite } from '../../shared/write.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { type FieldChange, Revision } from '../revision/revision.entity.js';
import { recordRevision } from '../revision/revision.service.js';
import { User } from '../user/user.entity.js';
import { Person } from './person.entity.js';
import { ANONYMISED_NAME, personInput, updatePersonInput } from './person.schema.js';

/** People as curated records: what a revision compares. */
export const personKind: CuratedKind<Person> = {
  entity: Person,
  type: 'Person',
  snapshot: (person) => ({
    name: person.name,
    email: person.email ?? null,
    jobTitle: person.jobTitle ?? null,
    team: person.team ?? null,
    organisationId: refId(person.organisation),
  }),
};

/** What a revision shows in place of personal data that was removed. */
const REMOVED = '(removed)';
/** The fields of a person's revisions that hold personal data. */
const PERSONAL_FIELDS = new Set(['name', 'email', 'jobTitle', 'team']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** People: record, match by name, and anonymise on request (GDPR). */
export class PersonService {
  constructor(private readonly em: EntityManager) {}

  /** Adds a person. */
  async create(actor: Actor, input: unknown): Promise<Result<Person>> {
    requireCurator(actor);
    const parsed = validate(personInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const person = tx.create(
        Person,
        {
          name: v.name,
          normalisedName: normaliseName(v.name),
          email: v.email ?? null,
          jobTitle: v.jobTitle,
          team: v.team,
          organisation: await optionalRef(
            tx,
            Organisation,
            v.organisationId,
            'organisationId',
            'organisation',
          ),
          version: 1,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
        { persist: false },
      );
      return insertCurated(tx, personKind, actor, person);
    });
  }

  /**
   * Edits a person from the version the editor saw (a stale version is a CONFLICT on
   * `version`); fields left out are kept. An anonymised person cannot be edited back into
   * personal data: that is INVALID on `name`.
   */
  async update(actor: Actor, input: unknown): Promise<Result<Person>> {
    requireCurator(actor);
    const parsed = validate(updatePersonInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const { entity, before } = await loadForEdit(tx, personKind, v.id, v.version);
      if (entity.anonymisedAt) {
        throw new InvalidInput([
          fieldError('name', 'INVALID', 'This person was anonymised and cannot be edited'),
        ]);
      }
      if (v.name !== undefined) {
        entity.name = v.name;
        entity.normalisedName = normaliseName(v.name);
      }
      if (v.email !== undefined) entity.email = v.email ?? null;
      if (v.jobTitle !== undefined) entity.jobTitle = v.jobTitle;
      if (v.team !== undefined) entity.team = v.team;
      if (v.organisationId !== undefined) {
        entity.organisation = await optionalRef(
          tx,
          Organisation,
          v.organisationId,
          'organisationId',
          'organisation',
        );
      }
      return finishEdit(tx, personKind, actor, entity, before);
    });
  }

  /** One person (anonymised people included: meetings still point at them). */
  async get(id: number): Promise<Person> {
    const person = await this.em.findOne(Person, { id }, { populate: ['organisation'] });
    if (!person) throw new NotFoundError('Person', id);
    return person;
  }

  /** People by name, of one organisation or named like a text. */
  async list(
    filter: { organisationId?: number; nameContains?: string } = {},
    page: Page = {},
  ): Promise<[Person[], number]> {
    const where: FilterQuery<Person> = {};
    if (filter.organisationId) where.organisation = filter.organisationId;
    // On the normalised name: case-insensitive for every letter (ä, Ö) and alike on both databases.
    if (filter.nameContains) {
      where.normalisedName = { $like: containsPattern(normaliseName(filter.nameContains)) };
    }
    return this.em.findAndCount(Person, where, {
      orderBy: { name: 'asc', id: 'asc' },
      ...pageWindow(page),
    });
  }

  /** The people with this name, however it is capitalised or spaced. */
  async findByName(name: string): Promise<Person[]> {
    return this.em.find(Person, { normalisedName: normaliseName(name), anonymisedAt: null });
  }

  /**
   * Removes a person's personal data while keeping the meetings, trainings and visits they were
   * part of: name and contact details are replaced, their name is struck from the memo texts of
   * the meetings they attended, and a linked user account is disabled and stripped.
   */
  async anonymise(actor: Actor, id: number): Promise<Result<Person>> {
    requireAdmin(actor);
    return runWrite(this.em, async (tx) => {
      const person = await tx.findOne(Person, { id });
      if (!person) throw new NotFoundError('Person', id);
      if (person.anonymisedAt) return person;
      const formerName = person.name;
      const placeholder = `${ANONYMISED_NAME} ${person.id}`;
      const meetings = await tx.find(
        Meeting,
        { participants: { person: person.id } },
        { populate: ['sourceText'] },
      );
      const pattern = new RegExp(escapeRegExp(formerName), 'giu');
      for (const meeting of meetings) {
        if (meeting.sourceText)
          meeting.sourceText = meeting.sourceText.replace(pattern, placeholder);
      }
      for (const user of await tx.find(User, { person: person.id })) {
        user.name = placeholder;
        user.email = `anonymised-${user.id}@invalid`;
        user.disabledAt ??= new Date();
      }
      person.name = placeholder;
      person.normalisedName = normaliseName(placeholder);
      person.email = null;
      person.jobTitle = null;
      person.team = null;
      person.anonymisedAt = new Date();
      // A version of its own, so an edit form opened before this is refused as stale.
      person.version += 1;
      // Earlier revisions (the creation, edits) hold the name and contact details as they were:
      // those values go too, leaving only which fields changed and when.
      for (const earlier of await tx.find(Revision, {
        entityType: 'Person',
        entityId: person.id,
      })) {
        earlier.changes = Object.fromEntries(
          Object.keys(earlier.changes).map((field) => [
            field,
            PERSONAL_FIELDS.has(field)
              ? { from: REMOVED, to: REMOVED }
              : (earlier.changes[field] as FieldChange),
          ]),
        );
      }
      recordRevision(tx, {
        entityType: 'Person',
        entityId: person.id,
        version: person.version,
        action: 'anonymise',
        // The revision must not keep what it removes: it records only that fields were cleared.
        changes: { name: { from: REMOVED, to: placeholder } },
        actor,
      });
      return person;
    });
  }
}
