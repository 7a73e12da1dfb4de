/**
 * GraphQL enums are UPPER_CASE; the domain's values are lower_case. One map per enum, built
 * from the domain's own lists, serves both codegen (`enumValues`, so resolvers are typed with
 * the domain's values) and Apollo at run time (enum resolvers translate both ways).
 */
import {
  ACTION_STATUSES,
  ATTENDANCE,
  GROUP_ROLES,
  IDEA_STATUSES,
  LANGUAGES,
  MEETING_FORMATS,
  MEETING_ROLES,
  MEETING_STATUSES,
  ORGANISATION_KINDS,
  PROGRAMME_KINDS,
  RESOURCE_KINDS,
  ROLES,
  SEASONS,
  TRAINING_KINDS,
  TRAINING_STATUSES,
} from '@ake/domain';
import { CURATED_TYPES, SEARCH_TYPES } from '@ake/domain/orm';

const REVISION_ACTIONS = ['create', 'update', 'archive', 'restore', 'anonymise'] as const;

const FACET_FIELDS = ['type', 'tag', 'organisation', 'year', 'language'] as const;

function upperCaseKeys<T extends string>(values: readonly T[]): Record<Uppercase<T>, T> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as Record<Uppercase<T>, T>;
}

/** GraphQL enum name → { GRAPHQL_VALUE: domainValue }. */
export const ENUM_VALUES = {
  ActionStatus: upperCaseKeys(ACTION_STATUSES),
  // Curated kinds are the revisions' type names ('BestPractice'): BEST_PRACTICE in GraphQL.
  CuratedKind: Object.fromEntries(
    CURATED_TYPES.map((t) => [t.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(), t]),
  ) as Record<string, string>,
  Attendance: upperCaseKeys(ATTENDANCE),
  GroupRole: upperCaseKeys(GROUP_ROLES),
  IdeaStatus: upperCaseKeys(IDEA_STATUSES),
  Language: upperCaseKeys(LANGUAGES),
  MeetingFormat: upperCaseKeys(MEETING_FORMATS),
  MeetingRole: upperCaseKeys(MEETING_ROLES),
  MeetingStatus: upperCaseKeys(MEETING_STATUSES),
  OrganisationKind: upperCaseKeys(ORGANISATION_KINDS),
  ProgrammeKind: upperCaseKeys(PROGRAMME_KINDS),
  ResourceKind: upperCaseKeys(RESOURCE_KINDS),
  RevisionAction: upperCaseKeys(REVISION_ACTIONS),
  Role: upperCaseKeys(ROLES),
  Season: upperCaseKeys(SEASONS),
  SearchFacetField: upperCaseKeys(FACET_FIELDS),
  // Search's types are kebab-case ('best-practice'): BEST_PRACTICE in GraphQL.
  SearchType: Object.fromEntries(
    SEARCH_TYPES.map((t) => [t.toUpperCase().replace(/-/g, '_'), t]),
  ) as Record<string, (typeof SEARCH_TYPES)[number]>,
  TrainingKind: upperCaseKeys(TRAINING_KINDS),
  TrainingStatus: upperCaseKeys(TRAINING_STATUSES),
};
