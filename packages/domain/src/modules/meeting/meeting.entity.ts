import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { curatedProperties } from '../../shared/curated.entity.js';
import { Venue } from '../../shared/venue.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { WorkingGroup } from '../working-group/working-group.entity.js';
import {
  ACTION_STATUSES,
  ATTENDANCE,
  MEETING_FORMATS,
  MEETING_STATUSES,
  type MeetingRole,
} from './meeting.schema.js';

/**
 * A meeting (kokous) of a working group: when (stored in UTC, shown in Europe/Helsinki), in what
 * format, where, who took part, the numbered agenda with notes, decisions and action items, the
 * memo it was recorded from, and the next meeting it agreed on.
 */
export const Meeting = defineEntity({
  name: 'Meeting',
  properties: {
    id: p.integer().primary(),
    group: () => p.manyToOne(WorkingGroup),
    title: p.string().length(300),
    startsAt: p.datetime().index(),
    endsAt: p.datetime().nullable(),
    format: p.enum([...MEETING_FORMATS]),
    status: p.enum([...MEETING_STATUSES]),
    /** "Skype", "Teams": the tool of a remote or hybrid meeting. */
    remoteTool: p.string().length(100).nullable(),
    /** The link to join a remote or hybrid meeting. */
    remoteUrl: p.string().length(2048).nullable(),
    venue: () => p.embedded(Venue).prefix('venue_'),
    venueOrganisation: () => p.manyToOne(Organisation).nullable(),
    summary: p.text().nullable(),
    /** The memo text the meeting was recorded from, kept for provenance. */
    sourceText: p.text().nullable().lazy(true, false),
    nextMeeting: () => p.manyToOne(Meeting).nullable(),
    participants: () => p.oneToMany(MeetingParticipant).mappedBy('meeting').orderBy({ id: 'asc' }),
    agendaItems: () => p.oneToMany(AgendaItem).mappedBy('meeting').orderBy({ number: 'asc' }),
    ...curatedProperties(),
  },
});
export type Meeting = InferEntity<typeof Meeting>;

/** A person at a meeting, with the organisation they represented and their roles there. */
export const MeetingParticipant = defineEntity({
  name: 'MeetingParticipant',
  properties: {
    id: p.integer().primary(),
    meeting: () => p.manyToOne(Meeting).deleteRule('cascade'),
    person: () => p.manyToOne(Person),
    organisation: () => p.manyToOne(Organisation).nullable(),
    roles: p.json<MeetingRole[]>(),
    attendance: p.enum([...ATTENDANCE]),
  },
  uniques: [{ properties: ['meeting', 'person'] }],
});
export type MeetingParticipant = InferEntity<typeof MeetingParticipant>;

/** A numbered item of a meeting's agenda (käsiteltävä asia). */
export const AgendaItem = defineEntity({
  name: 'AgendaItem',
  properties: {
    id: p.integer().primary(),
    meeting: () => p.manyToOne(Meeting).deleteRule('cascade'),
    number: p.integer(),
    title: p.string().length(300),
    notes: p.text().nullable(),
    decisions: () => p.oneToMany(Decision).mappedBy('agendaItem').orderBy({ position: 'asc' }),
    actions: () => p.oneToMany(ActionItem).mappedBy('agendaItem').orderBy({ position: 'asc' }),
  },
  uniques: [{ properties: ['meeting', 'number'] }],
});
export type AgendaItem = InferEntity<typeof AgendaItem>;

/** What a meeting decided on an item ("päädyttiin …", "sovittiin …"). */
export const Decision = defineEntity({
  name: 'Decision',
  properties: {
    id: p.integer().primary(),
    agendaItem: () => p.manyToOne(AgendaItem).deleteRule('cascade'),
    position: p.integer(),
    text: p.text(),
  },
});
export type Decision = InferEntity<typeof Decision>;

/** A task agreed at a meeting ("Kartoitetaan kouluttajia …"), with an owner when one is named. */
export const ActionItem = defineEntity({
  name: 'ActionItem',
  properties: {
    id: p.integer().primary(),
    agendaItem: () => p.manyToOne(AgendaItem).deleteRule('cascade'),
    position: p.integer(),
    description: p.text(),
    owner: () => p.manyToOne(Person).nullable(),
    dueDate: p.date().nullable(),
    status: p.enum([...ACTION_STATUSES]),
  },
});
export type ActionItem = InferEntity<typeof ActionItem>;
