/** Parent types of GraphQL types that are not entities, for codegen's `mappers`. */
import type { Organisation, Person } from '@ake/domain/orm';
import type { GroupRole } from '@ake/domain';

/** A venue: the embedded columns plus the organisation reference of its owner. */
export interface VenueParent {
  room: string | null;
  floor: string | null;
  building: string | null;
  street: string | null;
  town: string | null;
  organisation: Organisation | null;
}

/** The viewer: who is asking. */
export interface ViewerParent {
  userId: number | null;
  role: 'curator' | 'admin' | null;
}

/** One changed field of a revision. */
export interface FieldChangeParent {
  field: string;
  from: unknown;
  to: unknown;
  /** The names behind the ids of the values, when the history module looked them up. */
  fromNames?: string[] | null;
  toNames?: string[] | null;
}

/** A person holding a role on a date. */
export interface GroupRoleHolderParent {
  person: Person;
  role: GroupRole;
}
