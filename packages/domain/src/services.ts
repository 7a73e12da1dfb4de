/**
 * The domain services for one unit of work. Pass a request-scoped EntityManager fork (the API
 * forks one per request); nothing here holds the ORM in a module-level singleton.
 */
import { type EntityManager } from '@mikro-orm/core';
import { BackupService } from './modules/backup/backup.service.js';
import { BookmarkService } from './modules/bookmarks/bookmark.service.js';
import { BestPracticeService } from './modules/best-practice/best-practice.service.js';
import { DevelopmentIdeaService } from './modules/development-idea/development-idea.service.js';
import { FeedbackService } from './modules/feedback/feedback.service.js';
import { LinkCheckService } from './modules/link-check/link-check.service.js';
import { ActionItemService } from './modules/meeting/action-item.service.js';
import { MeetingService } from './modules/meeting/meeting.service.js';
import { MemoImportService } from './modules/memo-import/memo-import.service.js';
import { MentoringService } from './modules/mentoring/mentoring.service.js';
import { LinkPreviewService } from './modules/link-preview/link-preview.service.js';
import { type Outbound } from './modules/outbound/outbound.js';
import { OrganisationService } from './modules/organisation/organisation.service.js';
import { PersonService } from './modules/person/person.service.js';
import { ResourceService } from './modules/resource/resource.service.js';
import { HistoryService } from './modules/revision/history.service.js';
import { RevisionService } from './modules/revision/revision.service.js';
import { SearchService } from './modules/search/search.service.js';
import { TagService } from './modules/tag/tag.service.js';
import { TrainingService } from './modules/training/training.service.js';
import { UserService } from './modules/user/user.service.js';
import { WorkingGroupService } from './modules/working-group/working-group.service.js';

export interface Services {
  backup: BackupService;
  bookmarks: BookmarkService;
  organisations: OrganisationService;
  people: PersonService;
  users: UserService;
  groups: WorkingGroupService;
  meetings: MeetingService;
  actionItems: ActionItemService;
  memoImport: MemoImportService;
  trainings: TrainingService;
  mentoring: MentoringService;
  resources: ResourceService;
  bestPractices: BestPracticeService;
  developmentIdeas: DevelopmentIdeaService;
  tags: TagService;
  revisions: RevisionService;
  history: HistoryService;
  search: SearchService;
  links: LinkCheckService;
  linkPreview: LinkPreviewService;
  feedback: FeedbackService;
}

/** What services that reach outside the database use. */
export interface ServiceOptions {
  /**
   * The guarded HTTP client for link checks and previews (default: one per service, with the
   * policy of the environment, `OUTBOUND_ALLOW_HOSTS` / `OUTBOUND_ALLOW_PORTS`).
   */
  outbound?: Outbound;
  /** Whether link previews are made (default: unless `LINK_PREVIEW` is off). */
  linkPreview?: boolean;
}

/** Every service, sharing one EntityManager (and so one identity map and transaction). */
export function createServices(em: EntityManager, options: ServiceOptions = {}): Services {
  return {
    backup: new BackupService(em),
    bookmarks: new BookmarkService(em),
    organisations: new OrganisationService(em),
    people: new PersonService(em),
    users: new UserService(em),
    groups: new WorkingGroupService(em),
    meetings: new MeetingService(em),
    actionItems: new ActionItemService(em),
    memoImport: new MemoImportService(em),
    trainings: new TrainingService(em),
    mentoring: new MentoringService(em),
    resources: new ResourceService(em),
    bestPractices: new BestPracticeService(em),
    developmentIdeas: new DevelopmentIdeaService(em),
    tags: new TagService(em),
    revisions: new RevisionService(em),
    history: new HistoryService(em),
    search: new SearchService(em),
    links: new LinkCheckService(em, options.outbound),
    linkPreview: new LinkPreviewService(options.outbound, options.linkPreview),
    feedback: new FeedbackService(em),
  };
}
