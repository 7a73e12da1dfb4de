import { type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { type Actor, requireCurator } from '../../shared/actor.js';
import {
  type CuratedKind,
  finishEdit,
  insertCurated,
  loadForEdit,
  refId,
} from '../../shared/curated.service.js';
import { NotFoundError, type Result } from '../../shared/errors.js';
import { fieldError, normaliseName, validate } from '../../shared/validation.js';
import { InvalidInput, optionalRef, requireRef, runWrite } from '../../shared/write.js';
import { Organisation, OrganisationMembership } from './organisation.entity.js';
import {
  type OrganisationKind,
  endMembershipInput,
  membershipInput,
  organisationInput,
  updateOrganisationInput,
} from './organisation.schema.js';
import { containsPattern, type Page, pageWindow } from '../../shared/page.js';
import { dayBefore, helsinkiDate } from '../../shared/time.js';

/** Organisations as curated records: what a revision compares. */
export const organisationKind: CuratedKind<Organisation> = {
  entity: Organisation,
  type: 'Organisation',
  snapshot: (o) => ({
    kind: o.kind,
    name: o.name,
    nameSv: o.nameSv ?? null,
    nameEn: o.nameEn ?? null,
    shortName: o.shortName ?? null,
    aliases: [...o.aliases].sort(),
    isil: o.isil ?? null,
    kirkantaId: o.kirkantaId ?? null,
    parentId: refId(o.parent),
    city: o.city ?? null,
    street: o.street ?? null,
    zipcode: o.zipcode ?? null,
    area: o.area ?? null,
    latitude: o.latitude ?? null,
    longitude: o.longitude ?? null,
    homepage: o.homepage ?? null,
  }),
};

export interface OrganisationFilter {
  kind?: OrganisationKind;
  /** Members of this network on the date `on` (default today). */
  networkId?: number;
  on?: string;
  nameContains?: string;
  /** Only organisations in this town (as written in `city`, any case). */
  city?: string;
}

/** True when a period (inclusive dates, null = open) contains the date. */
export function periodContains(
  period: { validFrom?: string | null; validTo?: string | null },
  date: string,
): boolean {
  return (
    (!period.validFrom || period.validFrom <= date) && (!period.validTo || date <= period.validTo)
  );
}

/** Where the overlap rule is stated once: two periods overlap unless one ends before the other starts. */
function periodsOverlap(
  a: { validFrom?: string | null; validTo?: string | null },
  b: { validFrom?: string | null; validTo?: string | null },
): boolean {
  const aEndsBefore = a.validTo && b.validFrom && a.validTo < b.validFrom;
  const bEndsBefore = b.validTo && a.validFrom && b.validTo < a.validFrom;
  return !aEndsBefore && !bEndsBefore;
}

/** Libraries, bookmobiles, networks and partners, and network memberships over time. */
export class OrganisationService {
  constructor(private readonly em: EntityManager) {}

  /** Adds an organisation; a name (or alias) already in use is a DUPLICATE on `name`. */
  async create(actor: Actor, input: unknown): Promise<Result<Organisation>> {
    requireCurator(actor);
    const parsed = validate(organisationInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      await this.checkUnique(tx, { name: v.name, isil: v.isil });
      const organisation = tx.create(
        Organisation,
        {
          kind: v.kind,
          name: v.name,
          normalisedName: normaliseName(v.name),
          nameSv: v.nameSv,
          nameEn: v.nameEn,
          shortName: v.shortName,
          aliases: [...new Set(v.aliases.map(normaliseName))],
          isil: v.isil,
          kirkantaId: v.kirkantaId ?? null,
          parent: await optionalRef(tx, Organisation, v.parentId, 'parentId', 'organisation'),
          city: v.city,
          street: v.street,
          zipcode: v.zipcode,
          area: v.area,
          latitude: v.latitude ?? null,
          longitude: v.longitude ?? null,
          homepage: v.homepage,
          version: 1,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
        { persist: false },
      );
      return insertCurated(tx, organisationKind, actor, organisation);
    });
  }

  /**
   * Edits an organisation from the version the editor saw (a stale version is a CONFLICT on
   * `version`); fields left out are kept. A name or ISIL another organisation has is a DUPLICATE.
   */
  async update(actor: Actor, input: unknown): Promise<Result<Organisation>> {
    requireCurator(actor);
    const parsed = validate(updateOrganisationInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const { entity, before } = await loadForEdit(tx, organisationKind, v.id, v.version);
      await this.checkUnique(tx, { name: v.name, isil: v.isil }, entity.id);
      if (v.parentId !== undefined) {
        if (v.parentId === entity.id) {
          throw new InvalidInput([
            fieldError('parentId', 'INVALID', 'An organisation cannot belong to itself'),
          ]);
        }
        entity.parent = await optionalRef(tx, Organisation, v.parentId, 'parentId', 'organisation');
      }
      if (v.name !== undefined) {
        entity.name = v.name;
        entity.normalisedName = normaliseName(v.name);
      }
      if (v.aliases !== undefined) entity.aliases = [...new Set(v.aliases.map(normaliseName))];
      for (const field of [
        'kind',
        'nameSv',
        'nameEn',
        'shortName',
        'isil',
        'kirkantaId',
        'city',
        'street',
        'zipcode',
        'area',
        'latitude',
        'longitude',
        'homepage',
      ] as const) {
        if (v[field] !== undefined) Object.assign(entity, { [field]: v[field] });
      }
      return finishEdit(tx, organisationKind, actor, entity, before);
    });
  }

  /** Refuses a name (or alias) or ISIL that another organisation than `self` already has. */
  private async checkUnique(
    tx: EntityManager,
    v: { name?: string | undefined; isil?: string | null | undefined },
    self?: number,
  ): Promise<void> {
    if (v.name !== undefined) {
      const existing = await this.findByNameIn(tx, v.name);
      if (existing && existing.id !== self) {
        throw new InvalidInput([
          fieldError(
            'name',
            'DUPLICATE',
            `"${existing.name}" already exists (organisation ${existing.id})`,
          ),
        ]);
      }
    }
    if (v.isil) {
      const owner = await tx.findOne(Organisation, { isil: v.isil }, { fields: ['id'] });
      if (owner && owner.id !== self) {
        throw new InvalidInput([
          fieldError('isil', 'DUPLICATE', `ISIL ${v.isil} is already in use`),
        ]);
      }
    }
  }

  /** Records that an organisation belongs to a network for a period. */
  async addMembership(actor: Actor, input: unknown): Promise<Result<OrganisationMembership>> {
    requireCurator(actor);
    const parsed = validate(membershipInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const member = await requireRef(tx, Organisation, v.memberId, 'memberId', 'organisation');
      const network = await requireRef(tx, Organisation, v.networkId, 'networkId', 'organisation');
      if (network.kind !== 'library_network') {
        throw new InvalidInput([
          fieldError('networkId', 'INVALID', `${network.name} is not a library network`),
        ]);
      }
      const others = await tx.find(OrganisationMembership, { member });
      if (v.closeCurrent && v.validFrom) {
        // The membership still open when the new one starts ends the day before it.
        const from = v.validFrom;
        for (const current of others) {
          if (!current.validTo && (!current.validFrom || current.validFrom < from)) {
            current.validTo = dayBefore(from);
          }
        }
      }
      if (others.some((m) => periodsOverlap(m, v))) {
        throw new InvalidInput([
          fieldError(
            'validFrom',
            'CONFLICT',
            `${member.name} already belongs to a network during this period`,
          ),
        ]);
      }
      return tx.create(OrganisationMembership, {
        member,
        network,
        validFrom: v.validFrom ?? null,
        validTo: v.validTo ?? null,
        createdAt: new Date(),
      });
    });
  }

  /**
   * Ends a membership on a date (its last day). A date before its start is an INVALID_DATE on
   * `validTo`; one that would make it overlap a later membership is a CONFLICT there.
   */
  async endMembership(actor: Actor, input: unknown): Promise<Result<OrganisationMembership>> {
    requireCurator(actor);
    const parsed = validate(endMembershipInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const membership = await requireRef(tx, OrganisationMembership, v.id, 'id', 'membership');
      if (membership.validFrom && v.validTo < membership.validFrom) {
        throw new InvalidInput([
          fieldError('validTo', 'INVALID_DATE', 'Must not be before the start of the period'),
        ]);
      }
      const ended = { validFrom: membership.validFrom, validTo: v.validTo };
      const others = await tx.find(OrganisationMembership, {
        member: membership.member,
        id: { $ne: membership.id },
      });
      if (others.some((m) => periodsOverlap(m, ended))) {
        throw new InvalidInput([
          fieldError('validTo', 'CONFLICT', 'The period would overlap another membership'),
        ]);
      }
      membership.validTo = v.validTo;
      return membership;
    });
  }

  /** The towns organisations are in, for a filter: each once, in Finnish order. */
  async towns(): Promise<string[]> {
    const rows = await this.em.find(
      Organisation,
      { city: { $ne: null } },
      { fields: ['id', 'city'] },
    );
    return [...new Set(rows.map((o) => o.city).filter((c): c is string => Boolean(c)))].sort(
      (a, b) => a.localeCompare(b, 'fi'),
    );
  }

  /** One organisation. */
  async get(id: number): Promise<Organisation> {
    const organisation = await this.em.findOne(Organisation, { id }, { populate: ['parent'] });
    if (!organisation) throw new NotFoundError('Organisation', id);
    return organisation;
  }

  /** The organisation with this name or alias, however it is capitalised or spaced. */
  async findByName(name: string): Promise<Organisation | null> {
    return this.findByNameIn(this.em, name);
  }

  private async findByNameIn(em: EntityManager, name: string): Promise<Organisation | null> {
    const key = normaliseName(name);
    const byName = await em.findOne(Organisation, { normalisedName: key });
    if (byName) return byName;
    // Aliases are few per organisation and organisations are few per region: scan them.
    const all = await em.find(Organisation, {}, { fields: ['id', 'aliases'] });
    const match = all.find((o) => o.aliases.includes(key));
    return match ? em.findOne(Organisation, { id: match.id }) : null;
  }

  /** Organisations by name: of one kind, members of a network on a date, or named like a text. */
  async list(filter: OrganisationFilter = {}, page: Page = {}): Promise<[Organisation[], number]> {
    const where: FilterQuery<Organisation> = {};
    if (filter.kind) where.kind = filter.kind;
    // On the normalised name: case-insensitive for every letter (ä, Ö) and alike on both databases.
    if (filter.nameContains) {
      where.normalisedName = { $like: containsPattern(normaliseName(filter.nameContains)) };
    }
    if (filter.city) where.city = { $in: await this.spellingsOfTown(filter.city) };
    if (filter.networkId) {
      const members = await this.membersOn(filter.networkId, filter.on ?? helsinkiDate(new Date()));
      where.id = { $in: members.map((m) => m.id) };
    }
    return this.em.findAndCount(Organisation, where, {
      orderBy: { name: 'asc', id: 'asc' },
      ...pageWindow(page),
    });
  }

  /** How a town is written in the directory (any case): the values a city filter matches. */
  private async spellingsOfTown(city: string): Promise<string[]> {
    const key = normaliseName(city);
    return (await this.towns()).filter((town) => normaliseName(town) === key);
  }

  /** The network an organisation belonged to on a date (`YYYY-MM-DD`), or null. */
  async networkOn(organisationId: number, date: string): Promise<Organisation | null> {
    const memberships = await this.em.find(
      OrganisationMembership,
      { member: organisationId },
      { populate: ['network'] },
    );
    return memberships.find((m) => periodContains(m, date))?.network ?? null;
  }

  /** The members of a network on a date, by name. */
  async membersOn(networkId: number, date: string): Promise<Organisation[]> {
    const memberships = await this.em.find(
      OrganisationMembership,
      { network: networkId },
      { populate: ['member'] },
    );
    return memberships
      .filter((m) => periodContains(m, date))
      .map((m) => m.member)
      .sort((a, b) => a.name.localeCompare(b.name, 'fi'));
  }

  /** Every membership of an organisation, oldest first. */
  async memberships(organisationId: number): Promise<OrganisationMembership[]> {
    return this.em.find(
      OrganisationMembership,
      { member: organisationId },
      { populate: ['network'], orderBy: { validFrom: 'asc' } },
    );
  }
}
