import { type EntityManager } from '@mikro-orm/core';
import { type Actor, requireCurator } from '../../shared/actor.js';
import { NotFoundError, type Result } from '../../shared/errors.js';
import { fieldError, validate } from '../../shared/validation.js';
import { InvalidInput, optionalRef, requireRef, runWrite } from '../../shared/write.js';
import { periodContains } from '../organisation/organisation.service.js';
import { dayBefore } from '../../shared/time.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { GroupMembership, WorkingGroup } from './working-group.entity.js';
import { type GroupRole, endGroupRoleInput, groupMembershipInput } from './working-group.schema.js';

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

  /**
   * Ends a role period on a date (its last day): a member leaves the group, or a chair steps
   * down without a successor yet. A date before the start is an INVALID_DATE on `validTo`.
   */
  async endRole(actor: Actor, input: unknown): Promise<Result<GroupMembership>> {
    requireCurator(actor);
    const parsed = validate(endGroupRoleInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      const membership = await requireRef(tx, GroupMembership, v.id, 'id', 'role period');
      if (v.validTo < membership.validFrom) {
        throw new InvalidInput([
          fieldError('validTo', 'INVALID_DATE', 'Must not be before the start of the period'),
        ]);
      }
      membership.validTo = v.validTo;
      return membership;
    });
  }

  /** A person's roles in every group, newest first. */
  async rolesOf(personId: number): Promise<GroupMembership[]> {
    return this.em.find(
      GroupMembership,
      { person: personId },
      {
        populate: ['group', 'organisation'],
        orderBy: { validFrom: 'desc', id: 'desc' },
      },
    );
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
