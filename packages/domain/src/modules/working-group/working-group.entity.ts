import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { GROUP_ROLES } from './working-group.schema.js';

/**
 * A working group (työryhmä), such as the regional customer-experience development group
 * (Alueellinen asiakaskokemuksen kehittämisen työryhmä) that meets twice a year.
 */
export const WorkingGroup = defineEntity({
  name: 'WorkingGroup',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(200).unique(),
    shortName: p.string().length(100).nullable(),
    description: p.text().nullable(),
    /** The organisation that runs the group (Oulu city library runs the AKE task). */
    host: () => p.manyToOne(Organisation).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type WorkingGroup = InferEntity<typeof WorkingGroup>;

/**
 * A person's role in a group for a period, representing an organisation. A person holds one
 * row per role: a chair who is also secretary has two rows. Dates are inclusive; validTo null
 * means still in the role.
 */
export const GroupMembership = defineEntity({
  name: 'GroupMembership',
  properties: {
    id: p.integer().primary(),
    group: () => p.manyToOne(WorkingGroup),
    person: () => p.manyToOne(Person),
    organisation: () => p.manyToOne(Organisation).nullable(),
    role: p.enum([...GROUP_ROLES]),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['group', 'person', 'role', 'validFrom'] }],
});
export type GroupMembership = InferEntity<typeof GroupMembership>;
