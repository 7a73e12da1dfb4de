/** Every entity of the domain, listed explicitly: no folder scanning, no reflection at start-up. */
import type { EntitySchema } from '@mikro-orm/core';
import { Venue } from './shared/venue.entity.js';
import { BestPractice } from './modules/best-practice/best-practice.entity.js';
import { AccessibilityFeedback } from './modules/feedback/feedback.entity.js';
import { DevelopmentIdea } from './modules/development-idea/development-idea.entity.js';
import {
  ActionItem,
  AgendaItem,
  Decision,
  Meeting,
  MeetingParticipant,
} from './modules/meeting/meeting.entity.js';
import {
  MentoringPair,
  MentoringProgramme,
  WorkVisit,
} from './modules/mentoring/mentoring.entity.js';
import {
  Organisation,
  OrganisationMembership,
} from './modules/organisation/organisation.entity.js';
import { Person } from './modules/person/person.entity.js';
import { LinkCheck } from './modules/link-check/link-check.entity.js';
import { Resource } from './modules/resource/resource.entity.js';
import { Revision } from './modules/revision/revision.entity.js';
import { Tag } from './modules/tag/tag.entity.js';
import { ProgrammeItem, Training, TrainingSession } from './modules/training/training.entity.js';
import { ApiToken } from './modules/user/api-token.entity.js';
import { User } from './modules/user/user.entity.js';
import { GroupMembership, WorkingGroup } from './modules/working-group/working-group.entity.js';

export const entities: EntitySchema[] = [
  Venue,
  Organisation,
  OrganisationMembership,
  Person,
  User,
  ApiToken,
  WorkingGroup,
  GroupMembership,
  Meeting,
  MeetingParticipant,
  AgendaItem,
  Decision,
  ActionItem,
  Training,
  TrainingSession,
  ProgrammeItem,
  MentoringProgramme,
  WorkVisit,
  MentoringPair,
  Tag,
  Resource,
  LinkCheck,
  BestPractice,
  DevelopmentIdea,
  Revision,
  AccessibilityFeedback,
];
