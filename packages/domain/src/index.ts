/**
 * The browser-safe entry point of the domain: enums, input validators, error types and time
 * helpers. No ORM here; server code imports `@ake/domain/orm` for entities and services.
 */
export {
  ANONYMOUS,
  type Actor,
  ROLES,
  type Role,
  requireAdmin,
  requireCurator,
  systemActor,
} from './shared/actor.js';
export {
  DomainError,
  ForbiddenError,
  NotFoundError,
  type Result,
  USER_ERROR_CODES,
  type UserError,
  type UserErrorCode,
  fail,
  ok,
} from './shared/errors.js';
export {
  TIME_ZONE,
  helsinkiDate,
  helsinkiOffsetMinutes,
  helsinkiToUtc,
  isValidDate,
  isValidTime,
  parseDateTime,
  toHelsinkiIso,
} from './shared/time.js';
export {
  LANGUAGES,
  LIMITS,
  type Language,
  hasInvalidCharacters,
  isHttpUrl,
  normaliseName,
  slugify,
  stripInvisibleCharacters,
  toUserErrors,
  validate,
} from './shared/validation.js';
export {
  type CreateBestPracticeInput,
  type UpdateBestPracticeInput,
  createBestPracticeInput,
  updateBestPracticeInput,
} from './modules/best-practice/best-practice.schema.js';
export {
  IDEA_STATUSES,
  type IdeaStatus,
  type CreateDevelopmentIdeaInput,
  type UpdateDevelopmentIdeaInput,
  createDevelopmentIdeaInput,
  updateDevelopmentIdeaInput,
} from './modules/development-idea/development-idea.schema.js';
export {
  ACTION_STATUSES,
  ATTENDANCE,
  MEETING_FORMATS,
  MEETING_ROLES,
  MEETING_STATUSES,
  OPEN_ACTION_STATUSES,
  type ActionStatus,
  type Attendance,
  type CreateMeetingInput,
  type MeetingFormat,
  type MeetingRole,
  type MeetingStatus,
  type SetActionItemStatusInput,
  type UpdateMeetingInput,
  createMeetingInput,
  meetingStatusAt,
  setActionItemStatusInput,
  updateMeetingInput,
} from './modules/meeting/meeting.schema.js';
export {
  PROGRAMME_KINDS,
  type ProgrammeKind,
  type CreateProgrammeInput,
  type CreateWorkVisitInput,
  type MentoringPairInput,
  createProgrammeInput,
  createWorkVisitInput,
  mentoringPairInput,
  updateProgrammeInput,
  updateWorkVisitInput,
} from './modules/mentoring/mentoring.schema.js';
export {
  ORGANISATION_KINDS,
  type OrganisationKind,
  type OrganisationInput,
  type MembershipInput,
  type EndMembershipInput,
  type UpdateOrganisationInput,
  endMembershipInput,
  membershipInput,
  organisationInput,
  updateOrganisationInput,
} from './modules/organisation/organisation.schema.js';
export {
  ANONYMISED_NAME,
  type PersonInput,
  type UpdatePersonInput,
  personInput,
  updatePersonInput,
} from './modules/person/person.schema.js';
export { normaliseUrl } from './modules/resource/normalise-url.js';
export { markdownToText } from './shared/markdown-text.js';
export {
  RESOURCE_KINDS,
  type ResourceKind,
  type CreateResourceInput,
  type UpdateResourceInput,
  createResourceInput,
  updateResourceInput,
} from './modules/resource/resource.schema.js';
export {
  type CreateTagInput,
  type MergeTagsInput,
  createTagInput,
  mergeTagsInput,
  updateTagInput,
} from './modules/tag/tag.schema.js';
export {
  SEASONS,
  TRAINING_KINDS,
  TRAINING_STATUSES,
  type Season,
  type TrainingKind,
  type TrainingStatus,
  type CreateTrainingInput,
  type UpdateTrainingInput,
  createTrainingInput,
  updateTrainingInput,
} from './modules/training/training.schema.js';
export { type CreateUserInput, createUserInput, signInInput } from './modules/user/user.schema.js';
export {
  GROUP_ROLES,
  type GroupRole,
  type GroupMembershipInput,
  type EndGroupRoleInput,
  endGroupRoleInput,
  groupMembershipInput,
} from './modules/working-group/working-group.schema.js';
