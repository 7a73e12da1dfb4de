/**
 * The server-side entry point of the domain: entities, database, services and seed data.
 * Browser code imports the package root instead, which has no ORM in it.
 */
export { entities } from './entities.js';
// The ORM types consumers need to pass an EntityManager around, so they need not depend on
// MikroORM themselves (pnpm is strict about undeclared dependencies).
export type {
  EntityManager,
  EntityName,
  EntitySchema,
  FilterQuery,
  InferEntity,
  Ref,
} from '@mikro-orm/core';
export {
  BUSY_TIMEOUT_MS,
  type DatabaseTarget,
  type OrmConfigOptions,
  createOrmConfig,
  findProjectRoot,
  parseDatabaseUrl,
} from './mikro-orm.config.js';
export { type Database, migrate, openDatabase, pendingMigrations } from './database.js';
export { type Dialect, dialectOf, sqlIdentifier } from './shared/dialect.js';
export {
  type ScratchDatabase,
  createScratchDatabase,
  scratchDialect,
} from './shared/scratch-database.js';
export { type ThrowawaySchema, createThrowawaySchema } from './shared/postgres-schema.js';
export {
  LINK_PREVIEW_ERROR_CODES,
  type LinkPreview,
  type LinkPreviewErrorCode,
  type LinkPreviewResult,
  LinkPreviewService,
  PREVIEW_LIMITS,
  type PageSummary,
  linkPreviewEnabled,
  parsePreview,
} from './modules/link-preview/link-preview.service.js';
export { type ServiceOptions, type Services, createServices } from './services.js';
export {
  AddressNotAllowed,
  OUTBOUND_DEFAULTS,
  Outbound,
  OutboundError,
  type OutboundErrorCode,
  type OutboundFetchOptions,
  type OutboundFetchResponse,
  type OutboundOptions,
  type OutboundRequestOptions,
  type OutboundResponse,
  type ResolvedAddress,
  type Resolver,
} from './modules/outbound/outbound.js';
export {
  type OutboundPolicy,
  STRICT_POLICY,
  outboundPolicyFromEnv,
} from './modules/outbound/address-policy.js';
export { GROUP_NAME, type SeedReport, readSeedMemo, seed } from './seeders/seed.js';
export { InvalidInput, runWrite } from './shared/write.js';
export { MAX_PAGE_SIZE, type Page, pageWindow } from './shared/page.js';
export {
  UNTRACKED_TABLES,
  changeGenerationTriggersSql,
  readChangeGeneration,
} from './shared/change-generation.js';
export { Venue } from './shared/venue.entity.js';

export { BestPractice } from './modules/best-practice/best-practice.entity.js';
export { BestPracticeService } from './modules/best-practice/best-practice.service.js';
export { DevelopmentIdea } from './modules/development-idea/development-idea.entity.js';
export { DevelopmentIdeaService } from './modules/development-idea/development-idea.service.js';
export {
  ActionItem,
  AgendaItem,
  Decision,
  Meeting,
  MeetingParticipant,
} from './modules/meeting/meeting.entity.js';
export {
  MEETING_DETAIL,
  type MeetingFilter,
  type MeetingOrder,
  MeetingService,
} from './modules/meeting/meeting.service.js';
export { type ActionItemFilter, ActionItemService } from './modules/meeting/action-item.service.js';
export {
  MentoringPair,
  MentoringProgramme,
  WorkVisit,
} from './modules/mentoring/mentoring.entity.js';
export {
  type Coverage,
  MentoringService,
  coverageOf,
} from './modules/mentoring/mentoring.service.js';
export {
  Organisation,
  OrganisationMembership,
} from './modules/organisation/organisation.entity.js';
export {
  type OrganisationFilter,
  OrganisationService,
  periodContains,
} from './modules/organisation/organisation.service.js';
export { Person } from './modules/person/person.entity.js';
export { PersonService } from './modules/person/person.service.js';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  BackupService,
  type CopyReport,
  copyDatabase,
  EXCLUDED_COLUMNS,
  EXCLUDED_TABLES,
  InconsistentBackupError,
  readSnapshot,
  verifyBackup,
} from './modules/backup/backup.service.js';
export {
  type BookmarkImportReport,
  BookmarkService,
} from './modules/bookmarks/bookmark.service.js';
export {
  type Bookmark,
  BookmarkFileError,
  parseNetscapeBookmarks,
  renderNetscapeBookmarks,
} from './modules/bookmarks/netscape.js';
export {
  type ImportNote,
  type ImportNoteCode,
  type ImportPlan,
  type PlannedRef,
  type MemoImportOptions,
  type MemoImportResult,
  MemoImportService,
} from './modules/memo-import/memo-import.service.js';
export { LinkCheck } from './modules/link-check/link-check.entity.js';
export { AccessibilityFeedback } from './modules/feedback/feedback.entity.js';
export { FeedbackService } from './modules/feedback/feedback.service.js';
export {
  DEFAULT_LINK_CHECKER_OPTIONS,
  LinkChecker,
  type LinkCheckerOptions,
  type LinkProbe,
  type LinkRedirect,
} from './modules/link-check/link-checker.js';
export {
  type LinkCheckEntry,
  type LinkCheckReport,
  type LinkCheckRunOptions,
  LinkCheckService,
  latestLinkChecks,
} from './modules/link-check/link-check.service.js';
export {
  FAILED_STATUSES,
  LINK_OUTCOMES,
  LINK_STATUSES,
  type LinkOutcome,
  type LinkStatus,
  classify,
} from './modules/link-check/link-status.js';
export { Resource } from './modules/resource/resource.entity.js';
export {
  type ResourceFilter,
  type ResourceOrder,
  ResourceService,
} from './modules/resource/resource.service.js';
export {
  type FieldChange,
  Revision,
  type RevisionAction,
} from './modules/revision/revision.entity.js';
export { RevisionService, diffSnapshots } from './modules/revision/revision.service.js';
export {
  type ArchivedRecord,
  CURATED_TYPES,
  HistoryService,
  type NamedFieldChange,
  replaySnapshot,
} from './modules/revision/history.service.js';
export {
  FACET_FIELDS,
  type Facet,
  type FacetField,
  type FacetValue,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  SEARCH_TYPES,
  type SearchDocument,
  type SearchFilter,
  type SearchHit,
  type SearchIndex,
  type SearchKey,
  type SearchRequest,
  type SearchResult,
  type SearchType,
  searchTypeOf,
} from './modules/search/search-index.js';
export {
  type ReindexReport,
  SEARCH_DEFAULT_PAGE_SIZE,
  SEARCH_MAX_PAGE_SIZE,
  type SearchConnection,
  type SearchEdge,
  type SearchOptions,
  SearchService,
  decodeSearchCursor,
  encodeSearchCursor,
} from './modules/search/search.service.js';
export { FIELD_WEIGHTS, SqliteSearchIndex } from './modules/search/sqlite-search-index.js';
export { PostgresSearchIndex, TS_RANK_WEIGHTS } from './modules/search/postgres-search-index.js';
export { searchIndexFor } from './modules/search/search-index-for.js';
export {
  type CorpusOptions,
  generateCorpus,
  generateQueries,
  prng,
} from './modules/search/corpus-generator.js';
export { SearchIndexSubscriber, indexRecords } from './modules/search/search-subscriber.js';
export { type SqlExecutor, sqlExecutor } from './modules/search/sql-executor.js';
export { highlightToHtml } from './modules/search/highlight.js';
export { Tag } from './modules/tag/tag.entity.js';
export { TagService } from './modules/tag/tag.service.js';
export { ProgrammeItem, Training, TrainingSession } from './modules/training/training.entity.js';
export {
  TRAINING_DETAIL,
  type TrainingFilter,
  TrainingService,
} from './modules/training/training.service.js';
export { User } from './modules/user/user.entity.js';
export { ApiToken } from './modules/user/api-token.entity.js';
export {
  PASSWORD_LIMITS,
  UserService,
  WEB_SESSION_DAYS,
  WEB_SESSION_TOKEN_NAME,
  hashToken,
} from './modules/user/user.service.js';
export { hashPassword, verifyPassword } from './modules/user/password.js';
export { GroupMembership, WorkingGroup } from './modules/working-group/working-group.entity.js';
export { WorkingGroupService } from './modules/working-group/working-group.service.js';
