import { type EntityManager } from '@mikro-orm/core';
import { type Actor, requireCurator } from '../../shared/actor.js';
import { NotFoundError, type Result } from '../../shared/errors.js';
import { fieldError, validate } from '../../shared/validation.js';
import { InvalidInput, optionalRef, requireRef, runWrite } from '../../shared/write.js';
import { periodContains } from '../organisation/organisation.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { GroupMembership, WorkingGroup } from './working-group.entity.js';
import { type GroupRole, groupMembershipInput } from './working-group.schema.js';

/** The working group and who held which role when. */
export class WorkingGroupService {
  constructor(private readonly em: EntityManager) {}

  /** One group. */
  async get(id: number): Promise<WorkingGroup> {
    const group = await this.em.findOne(WorkingGroup, { id });
    if (!group) throw new NotFoundError('WorkingGroup', id);
    return group;
  }

  /** All groups, by name. */
  async list(): Promise<WorkingGroup[]> {
    return this.em.find(WorkingGroup, {}, { orderBy: { name: 'asc' } });
  }

  /**
   * Gives a person a role from a date. A chair or secretary succeeds the previous holder, whose
   * period is closed the day before; other roles may be held by many at once.
   */
  async assignRole(actor: Actor, input: unknown): Promise<Result<GroupMembership>> {
    requireCurator(actor);
    const parsed = validate(groupMembershipInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const group = await requireRef(tx, WorkingGroup, v.groupId, 'groupId', 'working group');
      const person = await requireRef(tx, Person, v.personId, 'personId', 'person');
      const organisation = await optionalRef(
        tx,
        Organisation,
        v.organisationId,
        'organisationId',
        'organisation',
      );
      const current = await tx.find(GroupMembership, { group, role: v.role, validTo: null });
      if (current.some((m) => m.person.id === person.id)) {
        throw new InvalidInput([
          fieldError('role', 'DUPLICATE', `${person.name} already holds this role`),
        ]);
      }
      if (v.role === 'chair' || v.role === 'secretary') {
        for (const previous of current) {
          if (previous.validFrom >= v.validFrom) {
            throw new InvalidInput([
              fieldError(
                'validFrom',
                'INVALID_DATE',
                'Must be after the start of the current holder',
              ),
            ]);
          }
          previous.validTo = dayBefore(v.validFrom);
        }
      }
      return tx.create(GroupMembership, {
        group,
        person,
        organisation,
        role: v.role,
        validFrom: v.validFrom,
        validTo: v.validTo ?? null,
        createdAt: new Date(),
      });
    });
  }

  /** Who held which role on a date (`YYYY-MM-DD`). */
  async rolesOn(groupId: number, date: string): Promise<{ person: Person; role: GroupRole }[]> {
    const memberships = await this.em.find(
      GroupMembership,
      { group: groupId },
      { populate: ['person'], orderBy: { role: 'asc', id: 'asc' } },
    );
    return memberships
      .filter((m) => periodContains(m, date))
      .map((m) => ({ person: m.person, role: m.role }));
  }

  /** Every role period of the group, oldest first. */
  async memberships(groupId: number): Promise<GroupMembership[]> {
    return this.em.find(
      GroupMembership,
      { group: groupId },
      { populate: ['person', 'organisation'], orderBy: { validFrom: 'asc', id: 'asc' } },
    );
  }
}

/** The calendar day before `YYYY-MM-DD`. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
