import { Migration } from '@mikro-orm/migrations';
import {
  changeGenerationTriggersSql,
  createChangeGenerationSql,
} from '../../shared/change-generation.js';

/** Every table of the initial and search migrations (a test checks none is missing). */
const TABLES = [
  'action_item',
  'agenda_item',
  'api_token',
  'best_practice',
  'best_practice_resource',
  'best_practice_tag',
  'decision',
  'development_idea',
  'development_idea_tag',
  'group_membership',
  'link_check',
  'meeting',
  'meeting_participant',
  'mentoring_pair',
  'mentoring_programme',
  'organisation',
  'organisation_membership',
  'person',
  'programme_item',
  'resource',
  'resource_tag',
  'revision',
  'search_document',
  'search_meta',
  'search_term',
  'tag',
  'training',
  'training_session',
  'user_account',
  'work_visit',
  'working_group',
];

/**
 * change_generation: a number every committed write increases, kept by statement-level
 * triggers (hand-written; see src/shared/change-generation.ts).
 */
export class Migration20261202000200 extends Migration {
  override async up(): Promise<void> {
    for (const sql of createChangeGenerationSql('postgresql')) this.addSql(sql);
    for (const table of TABLES) {
      for (const sql of changeGenerationTriggersSql(table, 'postgresql')) this.addSql(sql);
    }
  }
}
